export * from './idempotency.module';
export { IdempotencyKey } from './idempotency.interceptor';
