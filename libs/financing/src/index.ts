export * from './financing.module';
export * from './api/financing.activities';
export * from './application/financings.service';
