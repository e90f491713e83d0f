export * from './dual-control.module';
export * from './application/dual-control';
export * from './domain/request';
export * from './domain/dual-control.errors';
