export * from './registry.module';
export * from './application/pledge-registry';
export * from './application/pledgeable-asset';
export * from './domain/pledge';
export * from './domain/registry.errors';
