export * from './money';
export * from './numeric.transformer';
