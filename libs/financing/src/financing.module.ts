import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/src/identity.module';
import { LedgerModule } from '../../ledger/src/ledger.module';
import { LimitsModule } from '../../limits/src/limits.module';
import { ReceivablesModule } from '../../receivables/src/receivables.module';
import { ReconciliationModule } from '../../reconciliation/src/reconciliation.module';
import { RegistryModule } from '../../registry/src/registry.module';
import { WarehouseReceiptsModule } from '../../warehouse-receipts/src/warehouse-receipts.module';
import { FinancingActivities } from './api/financing.activities';
import { FinancingPolicyController } from './api/financing-policy.controller';
import { FinancingsController } from './api/financings.controller';
import { SimulatedBankController } from './api/simulated-bank.controller';
import { FinancingsService } from './application/financings.service';
import { FinancingPolicies } from './application/financing-policies';
import { PaymentGateways } from './application/payment-gateway';
import { CreateFinancings1764144700000 } from './infrastructure/migrations/1764144700000-create-financings';
import { ManyBanks1764146300000 } from './infrastructure/migrations/1764146300000-many-banks';
import { SimulatedBanks } from './infrastructure/simulated-bank';

export const FINANCING_MIGRATIONS = [CreateFinancings1764144700000, ManyBanks1764146300000];

@Module({})
export class FinancingModule {
  /** The registry module is the app's (it knows which assets can be pledged); it is passed in. */
  static register(registry: ReturnType<typeof RegistryModule.register>) {
    return {
      module: FinancingModule,
      imports: [IdentityModule, ReceivablesModule, WarehouseReceiptsModule, LimitsModule, LedgerModule, ReconciliationModule, registry],
      controllers: [FinancingsController, FinancingPolicyController, SimulatedBankController],
      providers: [FinancingsService, FinancingPolicies, FinancingActivities, SimulatedBanks, { provide: PaymentGateways, useExisting: SimulatedBanks }],
      exports: [FinancingActivities],
    };
  }
}
