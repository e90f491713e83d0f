import { Module } from '@nestjs/common';
import { StatementsController } from './api/statements.controller';
import { MatchingService } from './application/matching.service';
import { StatementImportService } from './application/statement-import.service';
import { CreateStatements1764144800000 } from './infrastructure/migrations/1764144800000-create-statements';

export const RECONCILIATION_MIGRATIONS = [CreateStatements1764144800000];

@Module({ controllers: [StatementsController], providers: [StatementImportService, MatchingService], exports: [StatementImportService, MatchingService] })
export class ReconciliationModule {}
