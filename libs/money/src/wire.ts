/** A positive amount on the wire: a string, at most two decimals, never a JSON number. */
export const AMOUNT = /^(?!0+(\.0+)?$)\d{1,18}(\.\d{1,2})?$/;
export const AMOUNT_MESSAGE = 'must be a positive decimal string with at most two decimals, e.g. "1250000.00"';
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
