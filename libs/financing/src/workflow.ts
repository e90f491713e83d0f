// The workflow door: what deterministic workflow code may load from this context (no I/O, no Nest).
export * from './api/financing.contract';
export * from './domain/approval';
export * from './domain/calendar';
export * from './domain/loan-book';
export * from './domain/schedule';
export type { FinancingActivities } from './api/financing.activities';
export * from './domain/financing.errors';
export * from './domain/products';
export * from './domain/repayment';
