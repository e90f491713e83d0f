import type Decimal from 'decimal.js';
import { Dec } from '@caravan/money';
import { actualDays, addMonths, days30360 } from './calendar';
import type { DayCount } from './schedule-terms';

// Day counts: a period's days and its fraction of a year. Definitions: ISDA 2006 Definitions
// §4.16 (b) Actual/Actual (ISDA), (d) Actual/365 (Fixed), (e) Actual/360, (g) 30E/360
// (Eurobond basis); 30/360 US is the SIA rule with its end-of-February adjustments (Standard
// Securities Calculation Methods, 1993/1996; ISDA §4.16(f) "30/360 Bond Basis" is the same
// without the February rules, which is what the older '30/360' here does).

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const lastOfFebruary = (y: number, m: number, d: number) => m === 2 && d === (isLeap(y) ? 29 : 28);

/** 30/360 US (SIA): February's last day counts as the 30th, and day 31 as the 30th as the rules say. */
export function days30360US(from: string, to: string): number {
  const [y1, m1, d1Raw] = ymd(from);
  const [y2, m2, d2Raw] = ymd(to);
  let d1 = d1Raw;
  let d2 = d2Raw;
  if (lastOfFebruary(y1, m1, d1) && lastOfFebruary(y2, m2, d2)) d2 = 30;
  if (lastOfFebruary(y1, m1, d1)) d1 = 30;
  if (d2 === 31 && d1 >= 30) d2 = 30;
  if (d1 === 31) d1 = 30;
  return 360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1);
}

/** 30E/360 (ISDA 2006 §4.16(g), Eurobond basis): a 31st is the 30th, at either end. */
export function days30E360(from: string, to: string): number {
  const [y1, m1, d1] = ymd(from);
  const [y2, m2, d2] = ymd(to);
  return 360 * (y2 - y1) + 30 * (m2 - m1) + (Math.min(d2, 30) - Math.min(d1, 30));
}

/** The days a period counts under the convention (actual days for the actual and periodic ones). */
export function dayCountDays(dayCount: DayCount, from: string, to: string): number {
  if (dayCount === '30/360') return days30360(from, to);
  if (dayCount === '30/360-US') return days30360US(from, to);
  if (dayCount === '30E/360') return days30E360(from, to);
  return actualDays(from, to);
}

const BASIS: Record<Exclude<DayCount, 'ACT/ACT-ISDA' | 'PERIODIC-12'>, number> = {
  'ACT/360': 360,
  'ACT/365': 365,
  'ACT/365F': 365,
  'ACT/364': 364,
  '30/360': 360,
  '30/360-US': 360,
  '30E/360': 360,
};

/**
 * The year's days for what is counted in days only (penalty interest, a day's accrual):
 * ACT/ACT has no fixed year, 365 is used; PERIODIC-12's daily rate is annual / 360 (日利率).
 */
export function basisOf(dayCount: DayCount): number {
  if (dayCount === 'ACT/ACT-ISDA') return 365;
  return dayCount === 'PERIODIC-12' ? 360 : BASIS[dayCount];
}

/** A year fraction as whole numbers, so interest can be amount × rate × days / basis with one final division. */
export interface Fraction {
  days: number;
  basis: number;
}

/** ISDA 2006 §4.16(b): days in a leap year over 366 plus days in a common year over 365 (as one fraction over 365 × 366). */
function actActIsda(from: string, to: string): Fraction {
  let common = 0;
  let leap = 0;
  for (let cursor = from; cursor < to;) {
    const year = ymd(cursor)[0];
    const next = `${year + 1}-01-01` < to ? `${year + 1}-01-01` : to;
    if (isLeap(year)) leap += actualDays(cursor, next);
    else common += actualDays(cursor, next);
    cursor = next;
  }
  return { days: 366 * common + 365 * leap, basis: 365 * 366 };
}

/**
 * PERIODIC-12 (按月计息): each whole month counted back from `to` is 1/12 of a year whatever its
 * days; the broken days left at the front count at annual / 360 (the daily rate banks quote).
 */
function periodic12(from: string, to: string): Fraction {
  let months = 0;
  while (addMonths(to, -(months + 1)) >= from) months++;
  return { days: 30 * months + actualDays(from, addMonths(to, -months)), basis: 360 };
}

/** The fraction of a year from `from` to `to` under the convention. */
export function dayCountFraction(dayCount: DayCount, from: string, to: string): Fraction {
  if (dayCount === 'ACT/ACT-ISDA') return actActIsda(from, to);
  if (dayCount === 'PERIODIC-12') return periodic12(from, to);
  return { days: dayCountDays(dayCount, from, to), basis: BASIS[dayCount] };
}

export function yearFraction(dayCount: DayCount, from: string, to: string): Decimal {
  const { days, basis } = dayCountFraction(dayCount, from, to);
  return new Dec(days).dividedBy(basis);
}

/** The three day counts recorded loans were computed with; their interest keeps its order of operations. */
export const LEGACY_DAY_COUNTS: readonly DayCount[] = ['ACT/360', 'ACT/365', '30/360'];
