// The workflow door: the business clock alone, without its Nest module.
export * from './business-clock';
