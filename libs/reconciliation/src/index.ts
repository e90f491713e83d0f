export * from './domain/statement';
export * from './domain/parsers/camt.parser';
export * from './domain/parsers/mt940.parser';
export * from './reconciliation.module';
export * from './application/statement-import.service';
export * from './application/matching.service';
export * from './application/reconciliation-runs.service';
export * from './api/reconciliation.activities';
