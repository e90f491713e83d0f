export * from './logging.module';
export * from './temporal-logger';
