import Decimal from 'decimal.js';
// Amounts stay decimal strings from the API to the screen: no JS number ever holds one.

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', HKD: 'HK$', GBP: '£' };

/** '1234567.8' → '¥1,234,567.80'; a negative amount keeps its sign before the symbol. */
export function formatMoney(amount: string | null | undefined, currency = 'CNY'): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return amount;
  const [, sign, whole, fraction = ''] = match;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (fraction + '00').slice(0, 2);
  return `${sign}${SYMBOLS[currency] ?? `${currency} `}${grouped}.${cents}`;
}

/** A quantity of goods with thousands separators, its decimals as given: '12000.5' → '12,000.5'. */
export function formatQuantity(quantity: string | null | undefined): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(quantity?.trim() ?? '');
  if (!match) return quantity || '—';
  return `${match[1]}${match[2].replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}

/** A fraction as a percentage with as many decimals as it has: '0.50' → '50%', '0.0435' → '4.35%'. */
export function formatPercent(value: string | null | undefined, minDecimals = 0): string {
  if (!value) return '—';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) return value;
  const digits = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`;
  const whole = digits.slice(0, match[1].length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits
    .slice(match[1].length + 2)
    .replace(/0+$/, '')
    .padEnd(minDecimals, '0');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** A rate, always with at least two decimals so rates read alike side by side: '0.052' → '5.20%', '0.0435' → '4.35%'. */
export function formatRate(rate: string | null | undefined): string {
  return formatPercent(rate, 2);
}

/** The total of several amounts, one sum per currency: '¥3,000,000.00' or '¥1.00 + $2.00'. */
export function formatTotal(items: Array<{ amount: string; currency?: string }>): string {
  const sums = new Map<string, Decimal>();
  for (const { amount, currency = 'CNY' } of items) sums.set(currency, (sums.get(currency) ?? new Decimal(0)).plus(amount));
  if (sums.size === 0) return formatMoney('0');
  return [...sums].map(([currency, sum]) => formatMoney(sum.toFixed(2), currency)).join(' + ');
}

/** A date (YYYY-MM-DD) or an instant in the reader's locale. */
export function formatDate(value: string | null | undefined, locale: string, withTime = false): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: withTime ? undefined : 'UTC',
  }).format(date);
}

/** part / whole as a percentage with one decimal, computed on hundredths (exact, no floats). */
export function share(part: string, whole: string): string {
  const hundredths = (v: string) => {
    const [w, f = ''] = v.replace(/^-/, '').split('.');
    return BigInt(w || '0') * 100n + BigInt((f + '00').slice(0, 2));
  };
  const denominator = hundredths(whole);
  if (denominator === 0n) return '—';
  const tenths = (hundredths(part) * 1000n + denominator / 2n) / denominator;
  return `${tenths / 10n}.${tenths % 10n}%`;
}

/** Today's date (YYYY-MM-DD) where the reader is: their own day, not UTC's (in China the day before until 08:00). */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
