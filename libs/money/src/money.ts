import Decimal from 'decimal.js';
import { data as ISO_4217 } from 'currency-codes';
import { DomainError, errorCatalogue, ErrorKind } from '@caravan/errors';

/**
 * Money is exact: a decimal.js value and an ISO 4217 currency, never a JS number.
 *
 * Rounding to the currency's minor unit is ROUND_HALF_UP (四舍五入), the rule Chinese
 * banks apply to interest and fees at the fen and the one an SME reproduces by hand when it
 * checks a trial calculation. Banker's rounding would drift from the bank's own figures.
 */
export const DEFAULT_CURRENCY = 'CNY';
export const ROUNDING = Decimal.ROUND_HALF_UP;

// Exponent of each ISO 4217 currency's minor unit, from ISO's own list (currency-codes ships
// it as plain data, so workflows may load it). Which currencies a bank lends in is the lending
// side's choice; a statement may be in any of them.
const MINOR_UNITS: Readonly<Record<string, number>> = Object.freeze(Object.fromEntries(ISO_4217.map((c) => [c.code, c.digits])));

/** Every ISO 4217 code, for validating what names a currency (an account's, a CSV export's). */
export const ISO_CURRENCIES: readonly string[] = Object.freeze(Object.keys(MINOR_UNITS).sort());

/** A plain decimal string with at most 20 integer digits: no exponent, no grouping, no '+'. */
const DECIMAL_STRING = /^-?\d{1,20}(\.\d+)?$/;

/** Decimal with the precision and rounding the platform relies on, independent of global state. */
export const Dec = Decimal.clone({ precision: 40, rounding: ROUNDING, toExpNeg: -40, toExpPos: 40 });
export type Dec = Decimal;

/** A refused amount or currency: callers that take amounts from people name the field. */
export class MoneyError extends DomainError {
  constructor(code: string, message: string, kind: ErrorKind, field?: string) {
    super(code, message, kind, field);
    this.name = 'MoneyError';
  }
}

export const MoneyErrors = errorCatalogue(
  'MONEY',
  {
    CURRENCY_MISMATCH: { kind: 'invalid', summary: 'amounts in different currencies cannot be combined' },
    INVALID_AMOUNT: { kind: 'invalid', summary: 'an amount is a decimal string' },
    TOO_PRECISE: { kind: 'invalid', summary: 'the amount has more decimals than its currency’s minor unit' },
    UNSUPPORTED_CURRENCY: { kind: 'invalid', summary: 'the currency is not one the platform handles' },
  },
  (...args) => new MoneyError(...args),
);

export function isSupportedCurrency(currency: string): boolean {
  return Object.prototype.hasOwnProperty.call(MINOR_UNITS, currency);
}

export function minorUnits(currency: string): number {
  if (!isSupportedCurrency(currency)) {
    throw MoneyErrors.UNSUPPORTED_CURRENCY(`currency ${currency} is not supported`);
  }
  return MINOR_UNITS[currency];
}

/** Parses a wire or database decimal string; refuses numbers, exponents and anything loose. */
export function parseDecimal(value: string): Decimal {
  if (typeof value !== 'string' || !DECIMAL_STRING.test(value)) {
    throw MoneyErrors.INVALID_AMOUNT(`"${String(value)}" is not a decimal string`);
  }
  return new Dec(value);
}

export class Money {
  private constructor(
    readonly amount: Decimal,
    readonly currency: string,
  ) {}

  /**
   * Exact amount in the currency's minor unit. More decimals than the currency has are
   * refused rather than rounded: an amount typed by a person must not change silently.
   */
  static of(amount: string | Decimal, currency: string = DEFAULT_CURRENCY): Money {
    const value = typeof amount === 'string' ? parseDecimal(amount) : new Dec(amount);
    if (value.decimalPlaces() > minorUnits(currency)) {
      throw MoneyErrors.TOO_PRECISE(`${value.toFixed()} has more than ${minorUnits(currency)} decimals for ${currency}`);
    }
    return new Money(value, currency);
  }

  /** Rounds a computed value (interest, a share) to the currency's minor unit, half-up. */
  static rounded(amount: string | Decimal, currency: string = DEFAULT_CURRENCY): Money {
    const value = typeof amount === 'string' ? parseDecimal(amount) : new Dec(amount);
    return new Money(value.toDecimalPlaces(minorUnits(currency), ROUNDING), currency);
  }

  static zero(currency: string = DEFAULT_CURRENCY): Money {
    return Money.of('0', currency);
  }

  plus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  minus(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /** Multiplies by a rate or ratio and rounds the result to the minor unit. */
  times(factor: string | Decimal): Money {
    const f = typeof factor === 'string' ? parseDecimal(factor) : factor;
    return Money.rounded(this.amount.times(f), this.currency);
  }

  isNegative(): boolean {
    return this.amount.isNegative() && !this.amount.isZero();
  }

  isPositive(): boolean {
    return this.amount.greaterThan(0);
  }

  isZero(): boolean {
    return this.amount.isZero();
  }

  compare(other: Money): -1 | 0 | 1 {
    this.assertSameCurrency(other);
    return this.amount.comparedTo(other.amount) as -1 | 0 | 1;
  }

  equals(other: Money): boolean {
    return this.currency === other.currency && this.amount.equals(other.amount);
  }

  /** The wire form: always the currency's full number of decimals, e.g. "1234567.80". */
  toString(): string {
    return this.amount.toFixed(minorUnits(this.currency));
  }

  toJSON(): { amount: string; currency: string } {
    return { amount: this.toString(), currency: this.currency };
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) {
      throw MoneyErrors.CURRENCY_MISMATCH(`cannot combine ${this.currency} with ${other.currency}`);
    }
  }
}
