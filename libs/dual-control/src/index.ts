export * from './dual-control.module';
export * from './application/dual-control';
export * from './domain/request';
