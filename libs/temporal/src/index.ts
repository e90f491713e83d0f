// Node-side entry; workflows import the contract and failure files directly.
export * from './contracts/receivable-confirmation.contract';
export * from './activities';
export * from './connection-options';
export * from './failures';
export * from './temporal-client.module';
export * from './worker';
