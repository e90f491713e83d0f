// The workflow door: the financing workflow books its journal with these (pure, no I/O).
export * from './domain/postings';
export { Account } from './domain/accounts';
export type { Line } from './domain/accounts';
