export * from './actor';
export * from './organisation';
export * from './access.decorators';
export * from './access.errors';
