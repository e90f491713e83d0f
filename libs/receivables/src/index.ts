export * from './receivables.module';
export * from './api/receivable.activities';
export * from './application/receivables.service';
export * from './domain/receivable';
export * from './domain/receivable-status';
export * from './infrastructure/receivable-pledges';
export * from './api/receivable-confirmation.contract';
export * from './domain/receivables.errors';
