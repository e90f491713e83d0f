export * from './business-metrics';
export * from './api-metrics';
export * from './temporal-meter';
export * from './metrics.module';
