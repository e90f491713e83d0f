import { formatDate, formatMoney, formatPercent, formatQuantity, formatRate, formatTotal, localToday, share } from './format';

describe('portal formatting', () => {
  it.each([
    ['1234567.89', '¥1,234,567.89'],
    ['1234567.8', '¥1,234,567.80'],
    ['980000', '¥980,000.00'],
    ['0.5', '¥0.50'],
    ['-512.34', '-¥512.34'],
    ['100', '¥100.00'],
    ['123456789012345678.99', '¥123,456,789,012,345,678.99'],
  ])('formats %s as %s', (amount, shown) => {
    expect(formatMoney(amount)).toBe(shown);
  });

  it.each([
    ['12000', '12,000'],
    ['12000.5', '12,000.5'],
    ['1234567.8900', '1,234,567.8900'],
    ['950', '950'],
    ['0.125', '0.125'],
  ])('groups the quantity %s as %s', (quantity, shown) => {
    expect(formatQuantity(quantity)).toBe(shown);
  });

  it('shows a dash for no quantity and leaves what is not one alone', () => {
    expect(formatQuantity(undefined)).toBe('—');
    expect(formatQuantity('n/a')).toBe('n/a');
  });

  it('shows a dash for nothing and leaves what is not an amount alone', () => {
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('abc');
    expect(formatMoney('10.00', 'USD')).toBe('$10.00');
  });

  it.each([
    ['0.0435', '4.35%'],
    ['0.052', '5.20%'],
    ['0.06525', '6.525%'],
    ['0.8', '80.00%'],
    ['0.001', '0.10%'],
    ['1', '100.00%'],
  ])('formats the rate %s as %s, always with two decimals at least', (rate, shown) => {
    expect(formatRate(rate)).toBe(shown);
  });

  it.each([
    ['0.50', '50%'],
    ['0.955', '95.5%'],
    ['1', '100%'],
  ])('formats the confidence %s as %s', (value, shown) => {
    expect(formatPercent(value)).toBe(shown);
  });

  it('totals amounts exactly, one sum per currency', () => {
    expect(formatTotal([{ amount: '1999999.99' }, { amount: '0.01', currency: 'CNY' }])).toBe('¥2,000,000.00');
    expect(
      formatTotal([
        { amount: '1.10', currency: 'CNY' },
        { amount: '2', currency: 'USD' },
      ]),
    ).toBe('¥1.10 + $2.00');
    expect(formatTotal([])).toBe('¥0.00');
  });

  it('formats dates in the reader’s locale', () => {
    expect(formatDate('2026-11-26', 'zh-CN')).toBe('2026年11月26日');
    expect(formatDate('2026-11-26', 'en')).toBe('Nov 26, 2026');
  });

  it('computes a share exactly, rounded half up to a tenth of a percent', () => {
    expect(share('1250000.00', '200000000.00')).toBe('0.6%');
    expect(share('1', '3')).toBe('33.3%');
    expect(share('2', '3')).toBe('66.7%');
    expect(share('5', '0')).toBe('—');
  });
});

describe('localToday', () => {
  it('is the reader’s own date, from the local calendar fields', () => {
    expect(localToday(new Date(2026, 11, 2, 7, 30))).toBe('2026-12-02');
    expect(localToday(new Date(2027, 0, 1, 0, 0))).toBe('2027-01-01');
  });
});
