import { DynamicModule, Module, Type } from '@nestjs/common';
import { IdentityModule } from '@caravan/identity';
import { LedgerModule } from '@caravan/ledger';
import { AwaitedController } from './api/awaited.controller';
import { ReconciliationActivities } from './api/reconciliation.activities';
import { ReconciliationController } from './api/reconciliation.controller';
import { StatementRulesController } from './api/statement-rules.controller';
import { StatementsController } from './api/statements.controller';
import { AccountPostingsService } from './application/account-postings.service';
import { AwaitedPaymentsService } from './application/awaited-payments.service';
import { BatchMatchingService } from './application/batch-matching.service';
import { ExpectedMovementsService } from './application/expected-movements.service';
import { ManualMatchingService } from './application/manual-matching.service';
import { MatchDecisionsService } from './application/match-decisions.service';
import { MatchForwardingService } from './application/match-forwarding.service';
import { MatchingQueriesService } from './application/matching-queries.service';
import { PaymentForwarding } from './application/payment-forwarding';
import { ReconciliationRunsService } from './application/reconciliation-runs.service';
import { StatementImportService } from './application/statement-import.service';
import { StatementRulesService } from './application/statement-rules.service';
import { CreateStatements1764144800000 } from './infrastructure/migrations/1764144800000-create-statements';
import { MatchingDecisions1764145000000 } from './infrastructure/migrations/1764145000000-matching-decisions';
import { BankOwnedReconciliation1764146400000 } from './infrastructure/migrations/1764146400000-bank-owned';
import { InformationalLines1764146600000 } from './infrastructure/migrations/1764146600000-informational-lines';
import { AnyCurrencyStatements1764147310000 } from './infrastructure/migrations/1764147310000-any-currency-statements';
import { LinesPerTransaction1764147320000 } from './infrastructure/migrations/1764147320000-lines-per-transaction';
import { AwaitedForPeople1764147420000 } from './infrastructure/migrations/1764147420000-awaited-for-people';
import { StatementRules1764147600000 } from './infrastructure/migrations/1764147600000-statement-rules';
import { UnmatchedLinesByPayerAndDay1764147900000 } from './infrastructure/migrations/1764147900000-unmatched-lines-by-payer-and-day';

export const RECONCILIATION_MIGRATIONS = [
  CreateStatements1764144800000,
  MatchingDecisions1764145000000,
  BankOwnedReconciliation1764146400000,
  InformationalLines1764146600000,
  AnyCurrencyStatements1764147310000,
  LinesPerTransaction1764147320000,
  AwaitedForPeople1764147420000,
  StatementRules1764147600000,
  UnmatchedLinesByPayerAndDay1764147900000,
];

@Module({})
export class ReconciliationModule {
  /** Where made matches go is the financing context's business: the app passes its adapter in. */
  static register(ports: { forwarding: Type<PaymentForwarding> }): DynamicModule {
    return {
      module: ReconciliationModule,
      imports: [IdentityModule, LedgerModule],
      controllers: [StatementsController, ReconciliationController, AwaitedController, StatementRulesController],
      providers: [
        StatementImportService,
        ExpectedMovementsService,
        BatchMatchingService,
        MatchForwardingService,
        ManualMatchingService,
        MatchDecisionsService,
        MatchingQueriesService,
        ReconciliationRunsService,
        ReconciliationActivities,
        AwaitedPaymentsService,
        AccountPostingsService,
        StatementRulesService,
        { provide: PaymentForwarding, useClass: ports.forwarding },
      ],
      exports: [
        StatementImportService,
        ExpectedMovementsService,
        ReconciliationRunsService,
        ReconciliationActivities,
        AwaitedPaymentsService,
      ],
    };
  }
}
