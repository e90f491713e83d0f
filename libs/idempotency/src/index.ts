export * from './idempotency.module';
export { IdempotencyKey } from './idempotency.interceptor';
export * from './idempotency.errors';
