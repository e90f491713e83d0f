// The workflow door: what deterministic workflow code may load from this context (no I/O, no Nest).
export * from './api/reconciliation.contract';
export type { ReconciliationActivities } from './api/reconciliation.activities';
