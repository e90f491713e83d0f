import { Dec, ISO_CURRENCIES, minorUnits, Money, MoneyError, parseDecimal } from './money';
import { numericTransformer } from './numeric.transformer';

describe('Money', () => {
  it('defaults to CNY and prints two decimals on the wire', () => {
    const m = Money.of('1234567.8');
    expect(m.currency).toBe('CNY');
    expect(m.toString()).toBe('1234567.80');
    expect(JSON.stringify(m)).toBe('{"amount":"1234567.80","currency":"CNY"}');
  });

  it('adds amounts that binary floating point gets wrong', () => {
    expect(Money.of('0.1').plus(Money.of('0.2')).toString()).toBe('0.30');
    expect(Money.of('99999999999999999.99').plus(Money.of('0.01')).toString()).toBe('100000000000000000.00');
  });

  it.each([['1e3'], ['1,000.00'], ['+5'], [' 5'], ['5.'], ['.5'], ['abc'], [''], ['NaN'], ['Infinity']])(
    'refuses %p as an amount',
    (input) => {
      expect(() => Money.of(input)).toThrow(MoneyError);
    },
  );

  it('refuses numbers, so no amount can arrive as a float', () => {
    expect(() => parseDecimal(12.5 as unknown as string)).toThrow(/not a decimal string/);
  });

  it('refuses more decimals than the currency has instead of rounding a typed amount', () => {
    expect(() => Money.of('10.005')).toThrow(expect.objectContaining({ code: 'MONEY.TOO_PRECISE' }));
    expect(() => Money.of('10.5', 'JPY')).toThrow(expect.objectContaining({ code: 'MONEY.TOO_PRECISE' }));
    expect(Money.of('10.50').toString()).toBe('10.50');
  });

  it('refuses currencies it does not know and mixing currencies', () => {
    expect(() => Money.of('1', 'ABC')).toThrow(expect.objectContaining({ code: 'MONEY.UNSUPPORTED_CURRENCY' }));
    expect(() => Money.of('1', 'cny')).toThrow(expect.objectContaining({ code: 'MONEY.UNSUPPORTED_CURRENCY' }));
    expect(() => Money.of('1', 'CNY').plus(Money.of('1', 'USD'))).toThrow(expect.objectContaining({ code: 'MONEY.CURRENCY_MISMATCH' }));
  });

  it('knows every ISO 4217 currency with its own minor unit', () => {
    // Danske Bank's NOK and DKK, a Macedonian bank's MKD: refused as unsupported before
    expect(['NOK', 'DKK', 'MKD'].map(minorUnits)).toEqual([2, 2, 2]);
    expect(['KWD', 'BHD', 'JPY', 'KRW', 'CLF'].map(minorUnits)).toEqual([3, 3, 0, 0, 4]);
    expect(ISO_CURRENCIES.length).toBeGreaterThan(150);
    expect(Money.of('1.234', 'KWD').toString()).toBe('1.234');
    expect(Money.of('12.5', 'NOK').toString()).toBe('12.50');
    expect(() => Money.of('1.2345', 'BHD')).toThrow(expect.objectContaining({ code: 'MONEY.TOO_PRECISE' }));
  });

  describe("rounding is half-up (四舍五入), not banker's", () => {
    it.each([
      ['0.125', '0.13'], // banker's would give 0.12
      ['0.135', '0.14'],
      ['0.145', '0.15'], // banker's would give 0.14
      ['0.1249999', '0.12'],
      ['-0.125', '-0.13'], // half away from zero for refunds and reversals
      ['2.5', '2.50'],
    ])('%s rounds to %s', (input, expected) => {
      expect(Money.rounded(input).toString()).toBe(expected);
    });

    it('rounds a computed interest amount at the fen', () => {
      // 1,000,000.00 × 4.35% × 31 / 360 = 3745.8333… → 3745.83
      const interest = Money.of('1000000.00').times(new Dec('0.0435').times(31).dividedBy(360));
      expect(interest.toString()).toBe('3745.83');
    });

    it('rounds to whole units for a currency without minor units', () => {
      expect(Money.rounded('100.5', 'JPY').toString()).toBe('101');
    });
  });

  it('compares and tests sign', () => {
    expect(Money.of('1.00').compare(Money.of('1'))).toBe(0);
    expect(Money.of('-0.01').isNegative()).toBe(true);
    expect(Money.of('-0').isNegative()).toBe(false);
    expect(Money.zero().isZero()).toBe(true);
    expect(Money.of('0.01').isPositive()).toBe(true);
  });
});

describe('numericTransformer', () => {
  it('round-trips a numeric column string through decimal.js without a number', () => {
    const fromDb = numericTransformer.from('12345678901234567.89');
    expect(fromDb.toFixed()).toBe('12345678901234567.89');
    expect(numericTransformer.to(fromDb)).toBe('12345678901234567.89');
  });

  it('keeps nulls', () => {
    expect(numericTransformer.from(null)).toBeNull();
    expect(numericTransformer.to(null)).toBeNull();
  });
});
