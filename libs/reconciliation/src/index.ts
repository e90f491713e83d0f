export * from './domain/statement';
export * from './domain/parsers/camt.parser';
export * from './domain/parsers/mt940.parser';
export * from './domain/parsers/summarise';
