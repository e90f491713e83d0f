/**
 * A positive amount on the wire: a string, at most two decimals, never a JSON number, and at
 * most 999,999,999,999,999.99 — far beyond any financing, and small enough that what is
 * computed from it (interest, penalties, totals) still fits the ledger's numeric(20, 2).
 */
export const AMOUNT = /^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,2})?$/;
export const AMOUNT_MESSAGE =
  'must be a positive decimal string with at most two decimals and at most 999999999999999.99, e.g. "1250000.00"';
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
