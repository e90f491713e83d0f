export * from './embedded-postgres';
export * from './free-port';
export * from './temporal-cli';
export * from './temporal-dev-server';
export * from './temporal-cluster';
export * from './local-roles';
export { onPathOrThrow, stopProcess, stopProcessGroup } from './processes';
export { killRegistered, reap, spawnGroup, stopGroup } from './process-groups';
export * from './cluster-script';
