// The workflow door: business failures as workflows raise them and clients read them.
export * from './failures';
