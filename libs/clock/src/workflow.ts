// The workflow door: the business clock and the working-day calendar, without the Nest module.
export * from './business-clock';
export * from './working-days';
