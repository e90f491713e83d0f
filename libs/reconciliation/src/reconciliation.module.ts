import { Module } from '@nestjs/common';
import { IdentityModule } from '../../identity/src/identity.module';
import { ReconciliationActivities } from './api/reconciliation.activities';
import { ReconciliationController } from './api/reconciliation.controller';
import { StatementsController } from './api/statements.controller';
import { MatchingService } from './application/matching.service';
import { ReconciliationRunsService } from './application/reconciliation-runs.service';
import { StatementImportService } from './application/statement-import.service';
import { CreateStatements1764144800000 } from './infrastructure/migrations/1764144800000-create-statements';
import { MatchingDecisions1764145000000 } from './infrastructure/migrations/1764145000000-matching-decisions';
import { BankOwnedReconciliation1764146400000 } from './infrastructure/migrations/1764146400000-bank-owned';
import { InformationalLines1764146600000 } from './infrastructure/migrations/1764146600000-informational-lines';

export const RECONCILIATION_MIGRATIONS = [CreateStatements1764144800000, MatchingDecisions1764145000000, BankOwnedReconciliation1764146400000, InformationalLines1764146600000];

@Module({
  imports: [IdentityModule],
  controllers: [StatementsController, ReconciliationController],
  providers: [StatementImportService, MatchingService, ReconciliationRunsService, ReconciliationActivities],
  exports: [StatementImportService, MatchingService, ReconciliationRunsService, ReconciliationActivities],
})
export class ReconciliationModule {}
