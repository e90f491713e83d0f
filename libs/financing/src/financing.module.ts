import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '@caravan/identity';
import { LedgerModule } from '@caravan/ledger';
import { LimitsModule } from '@caravan/limits';
import { ReceivablesModule } from '@caravan/receivables';
import { WarehouseReceiptsModule } from '@caravan/warehouse-receipts';
import { FinancingActivities } from './api/financing.activities';
import { FinancingContractController } from './api/financing-contract.controller';
import { FinancingPolicyController } from './api/financing-policy.controller';
import { FinancingsController } from './api/financings.controller';
import { PortfolioController } from './api/portfolio.controller';
import { FinancingsService } from './application/financings.service';
import { FinancingContracts } from './application/financing-contracts';
import { FinancingDetails } from './application/financing-details';
import { FinancingDecisions } from './application/decision';
import { FinancingPolicies } from './application/financing-policies';
import { PortfolioService } from './application/portfolio.service';
import { CreateFinancings1764144700000 } from './infrastructure/migrations/1764144700000-create-financings';
import { ManyBanks1764146300000 } from './infrastructure/migrations/1764146300000-many-banks';
import { FinancingQuotes1764147600000 } from './infrastructure/migrations/1764147600000-financing-quotes';
import { FinancingContracts1764147820000 } from './infrastructure/migrations/1764147820000-financing-contracts';
import { SimulatedBankModule } from './simulated-bank.module';

export const FINANCING_MIGRATIONS = [
  CreateFinancings1764144700000,
  ManyBanks1764146300000,
  FinancingQuotes1764147600000,
  FinancingContracts1764147820000,
];

@Module({})
export class FinancingModule {
  /**
   * The registry module is the app's (it knows which assets can be pledged), and so is
   * reconciliation's (it is wired to this context's payment adapter); both are passed in.
   */
  static register(registry: DynamicModule, reconciliation: DynamicModule): DynamicModule {
    return {
      module: FinancingModule,
      imports: [
        IdentityModule,
        ReceivablesModule,
        WarehouseReceiptsModule,
        LimitsModule,
        LedgerModule,
        reconciliation,
        registry,
        SimulatedBankModule,
      ],
      controllers: [FinancingsController, FinancingPolicyController, FinancingContractController, PortfolioController],
      providers: [
        FinancingsService,
        FinancingDetails,
        FinancingDecisions,
        FinancingPolicies,
        FinancingContracts,
        FinancingActivities,
        PortfolioService,
      ],
      exports: [FinancingActivities],
    };
  }
}
