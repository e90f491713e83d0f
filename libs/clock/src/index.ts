export * from './business-clock';
export * from './clock.module';
export * from './working-days';
