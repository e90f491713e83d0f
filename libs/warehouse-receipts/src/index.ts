export * from './warehouse-receipts.module';
export * from './application/warehouse-receipts.service';
export * from './domain/warehouse-receipt';
export * from './infrastructure/warehouse-receipt-pledges';
export * from './domain/warehouse.errors';
