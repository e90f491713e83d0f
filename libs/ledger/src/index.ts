export * from './ledger.module';
export * from './application/ledger.service';
export * from './domain/accounts';
export * from './domain/entry';
export * from './domain/postings';
export * from './domain/ledger.errors';
