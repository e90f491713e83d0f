export * from './financing.module';
export * from './api/financing.activities';
export * from './application/financings.service';
export * from './workflow';
export * from './application/financing-policy';
export * from './application/payment-gateway';
export * from './infrastructure/temporal-payment-forwarding';
export * from './domain/financing.errors';
