import { dayCountDays, days30E360, days30360US, yearFraction } from './day-count';
import { schedule } from './schedule';

// Day counts by their definitions: ISDA 2006 Definitions §4.16 (b) Actual/Actual (ISDA),
// (d) Actual/365 (Fixed), (e) Actual/360, (g) 30E/360; 30/360 US per the SIA rule
// (Standard Securities Calculation Methods) with its end-of-February adjustments.

describe('day counts', () => {
  it('30/360 US counts the last day of February as the 30th', () => {
    expect(days30360US('2027-01-31', '2027-02-28')).toBe(28);
    expect(days30360US('2027-02-28', '2027-03-31')).toBe(30);
    expect(days30360US('2028-02-29', '2028-03-31')).toBe(30);
    expect(days30360US('2027-02-28', '2028-02-29')).toBe(360);
    expect(days30360US('2027-03-31', '2027-04-30')).toBe(30);
    expect(days30360US('2027-03-15', '2027-03-31')).toBe(16); // D2 = 31 stays when D1 < 30
  });

  it('30E/360 takes every 31st as the 30th and leaves February alone', () => {
    expect(days30E360('2027-02-28', '2027-03-31')).toBe(32);
    expect(days30E360('2027-03-15', '2027-03-31')).toBe(15);
  });

  it('a loan from 31 January gets 28, 30, 30 days under 30/360 US, not the older rule’s 28, 33, 30', () => {
    const terms = {
      principal: '90000.00',
      annualRate: '0.06',
      method: 'EQUAL_PRINCIPAL',
      startDate: '2027-01-31',
      instalments: 3,
    } as const;
    expect(schedule({ ...terms, dayCount: '30/360-US' }).lines.map((l) => l.days)).toEqual([28, 30, 30]);
    expect(schedule({ ...terms, dayCount: '30/360' }).lines.map((l) => l.days)).toEqual([28, 33, 30]);
    expect(schedule({ ...terms, dayCount: '30E/360' }).lines.map((l) => l.days)).toEqual([28, 32, 30]);
  });

  it('ACT/ACT ISDA splits a period at the year end: 1 Nov 2003 – 1 May 2004 is 61/365 + 121/366', () => {
    expect(yearFraction('ACT/ACT-ISDA', '2003-11-01', '2004-05-01').toFixed(12)).toBe('0.497724380567');
  });

  it('ACT/364, ACT/365F and ACT/360 divide actual days', () => {
    expect(yearFraction('ACT/364', '2027-01-01', '2027-04-02').toFixed()).toBe('0.25');
    expect(yearFraction('ACT/365F', '2028-01-01', '2029-01-01').toFixed(6)).toBe('1.002740');
    expect(dayCountDays('ACT/360', '2027-01-31', '2027-03-01')).toBe(29);
  });

  it('PERIODIC-12 counts whole months as twelfths whatever their days, broken days over 360', () => {
    expect(yearFraction('PERIODIC-12', '2027-02-01', '2027-03-01').toFixed()).toBe(
      yearFraction('PERIODIC-12', '2027-03-01', '2027-04-01').toFixed(),
    );
    expect(yearFraction('PERIODIC-12', '2027-01-20', '2027-03-05').toFixed(12)).toBe((1 / 12 + 16 / 360).toFixed(12)); // test arithmetic only
  });
});
