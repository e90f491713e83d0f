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

/** A rate as a percentage: '0.0435' → '4.35%'. */
export function formatRate(rate: string | null | undefined): string {
  if (!rate) return '—';
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) return rate;
  const digits = `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`;
  const whole = digits.slice(0, match[1].length + 2).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(match[1].length + 2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
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
