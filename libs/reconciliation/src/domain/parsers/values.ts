import { isSupportedCurrency, minorUnits } from '@caravan/money';
import { StatementFormatError } from '../statement';

const DECIMAL = /^\d{1,18}(\.\d{1,5})?$/;
const CURRENCY = /^[A-Z]{3}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

const DECIMALS = ['no', 'one', 'two', 'three', 'four'];

/**
 * An amount as the file states it (zero too: banks send verification bookings of 0.00), or a
 * refusal naming where. The books keep the currency's minor unit (two decimals when the
 * currency is not known yet): more decimals are refused unless zeros.
 */
export function amountAt(value: string | undefined, line: number, element: string, currency?: string): string {
  const v = (value ?? '').trim();
  if (!DECIMAL.test(v)) throw new StatementFormatError(line, element, `"${v}" is not an amount`);
  const places = currency ? minorUnits(currencyAt(currency, line, element)) : 2;
  const [whole, decimals = ''] = v.split('.');
  if (/[1-9]/.test(decimals.slice(places))) {
    const reason = places === 0 ? `has decimals, which ${currency} has none of` : `has more than ${DECIMALS[places]} decimals`;
    throw new StatementFormatError(line, element, `"${v}" ${reason}`);
  }
  if (decimals.length <= places) return v;
  return places === 0 ? whole : `${whole}.${decimals.slice(0, places)}`;
}

/** An ISO 4217 currency code, or a refusal naming where. */
export function currencyAt(value: string | undefined, line: number, element: string): string {
  const v = (value ?? '').trim();
  if (!CURRENCY.test(v)) throw new StatementFormatError(line, element, `"${v}" is not a currency code`);
  if (!isSupportedCurrency(v)) throw new StatementFormatError(line, element, `"${v}" is not an ISO 4217 currency`);
  return v;
}

/** A calendar date (YYYY-MM-DD, or the date part of a date-time) that exists. */
export function dateAt(value: string | undefined, line: number, element: string): string {
  const v = (value ?? '').trim();
  const m = DATE.exec(v);
  const valid =
    m &&
    (() => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
    })();
  if (!m || !valid) throw new StatementFormatError(line, element, `"${v}" is not a date`);
  return v.slice(0, 10);
}
