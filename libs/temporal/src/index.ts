// Node-side door; workflows load only ./workflow.ts (the failures).
export * from './activities';
export * from './connection-options';
export * from './failures';
export * from './temporal-client.module';
export * from './worker';
