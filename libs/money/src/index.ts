export * from './money';
export * from './numeric.transformer';
export * from './wire';
