// The workflow door: what deterministic workflow code may load from this context (no I/O, no Nest).
export * from './api/receivable-confirmation.contract';
export type { ReceivableActivities } from './api/receivable.activities';
export * from './domain/receivables.errors';
