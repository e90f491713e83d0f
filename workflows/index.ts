// Every workflow the worker runs; the prebuilt bundle is made from this file.
export * from './receivable-confirmation.workflow';
export * from './financing.workflow';
export * from './reconciliation.workflow';
