export * from './logging.module';
export * from './temporal-logger';
export * from './safe-url';
