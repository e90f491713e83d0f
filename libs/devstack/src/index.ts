export * from './embedded-postgres';
export * from './free-port';
export * from './temporal-cli';
export * from './temporal-dev-server';
export * from './local-roles';
