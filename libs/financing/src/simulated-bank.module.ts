import { Module } from '@nestjs/common';
import { IdentityModule } from '@caravan/identity';
import { SimulatedBankController } from './api/simulated-bank.controller';
import { PaymentGateways } from './application/payment-gateway';
import { SimulatedBanks } from './infrastructure/simulated-bank';

/**
 * The banks' payment systems as simulated here (no real bank's gateway exists on this
 * platform): the gateway port's adapter and the operator's fault controls. A real bank's
 * adapter takes this module's place, providing PaymentGateways.
 */
@Module({
  imports: [IdentityModule],
  controllers: [SimulatedBankController],
  providers: [SimulatedBanks, { provide: PaymentGateways, useExisting: SimulatedBanks }],
  exports: [PaymentGateways],
})
export class SimulatedBankModule {}
