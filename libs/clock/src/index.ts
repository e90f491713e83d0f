export * from './business-clock';
export * from './clock.module';
