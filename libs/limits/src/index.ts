export * from './limits.module';
export * from './application/credit-limits.service';
export * from './domain/credit-limit';
export * from './domain/limits.errors';
