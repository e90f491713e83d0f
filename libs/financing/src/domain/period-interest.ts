import type Decimal from 'decimal.js';
import { Dec, minorUnits, Money } from '@caravan/money';
import { basisOf, dayCountFraction, Fraction, LEGACY_DAY_COUNTS } from './day-count';
import type { Period } from './due-dates';
import type { DayCount, FlatBasis, InterestType, LoanTerms, RepaymentFrequency, RoundingMode } from './schedule-terms';

// The one place a period's interest is computed: the schedule, the repayment book (fallDue),
// the early settlement and the accrual all call it, so they cannot disagree.

/** What interest depends on; a book carries it so that the book counts as its schedule did. */
export interface InterestConventions {
  currency: string;
  annualRate: string;
  dayCount: DayCount;
  /** The principal lent: flat interest's base. */
  principal: string;
  interestType?: InterestType;
  flatBasis?: FlatBasis;
  repaymentFrequency?: RepaymentFrequency;
  roundingMode?: RoundingMode;
}

export function conventionsOf(terms: LoanTerms): InterestConventions {
  return {
    currency: terms.currency ?? 'CNY',
    annualRate: terms.annualRate,
    dayCount: terms.dayCount,
    principal: terms.principal,
    interestType: terms.interestType,
    flatBasis: terms.flatBasis,
    repaymentFrequency: terms.repaymentFrequency,
    roundingMode: terms.rounding?.mode,
  };
}

/** A computed amount to the currency's minor unit: half-up (四舍五入) unless half-even is asked. */
export function roundMoney(value: Decimal, currency: string, mode: RoundingMode = 'HALF_UP'): Money {
  return Money.of(value.toDecimalPlaces(minorUnits(currency), mode === 'HALF_EVEN' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP), currency);
}

/** To the nearest multiple of `unit` currency units (Fineract's "installment amount in multiples of"). */
export function roundToMultiple(amount: Money, unit: string | undefined, mode: RoundingMode = 'HALF_UP'): Money {
  if (!unit) return amount;
  const rounding = mode === 'HALF_EVEN' ? Dec.ROUND_HALF_EVEN : Dec.ROUND_HALF_UP;
  return Money.of(amount.amount.dividedBy(unit).toDecimalPlaces(0, rounding).times(unit), amount.currency);
}

const PER_YEAR: Record<RepaymentFrequency, number> = { WEEKLY: 52, MONTHLY: 12, QUARTERLY: 4, AT_MATURITY: 12 };

/** The rate of one regular period: annual / 12 a month, / 4 a quarter, / 52 a week (the annuity's r). */
export function periodicRate(c: Pick<InterestConventions, 'annualRate' | 'repaymentFrequency'>): Decimal {
  return new Dec(c.annualRate).dividedBy(PER_YEAR[c.repaymentFrequency ?? 'MONTHLY']);
}

/**
 * amount × rate × days / basis with one final division, so an exact half cent rounds as it
 * should; the legacy day counts keep amount × (rate × days / basis), the order recorded loans used.
 */
function accrue(amount: Decimal, rate: Decimal, { days, basis }: Fraction, dayCount: DayCount): Decimal {
  if (LEGACY_DAY_COUNTS.includes(dayCount)) return amount.times(rate.times(days).dividedBy(basis));
  return amount.times(rate).times(days).dividedBy(basis);
}

/**
 * A period's interest. DECLINING: on the opening balance for the period by the day count.
 * FLAT: on the principal lent, a regular period's share of the year (PER_PERIOD) or the
 * period's days by the day count (ACTUAL_DAYS), whatever has been repaid.
 */
export function periodInterest(c: InterestConventions, opening: Money, period: Period): Money {
  const rate = new Dec(c.annualRate);
  const fraction = dayCountFraction(c.dayCount, period.from, period.to);
  if (c.interestType !== 'FLAT') return roundMoney(accrue(opening.amount, rate, fraction, c.dayCount), c.currency, c.roundingMode);
  const base = new Dec(c.principal);
  if (c.flatBasis === 'ACTUAL_DAYS' || c.repaymentFrequency === 'AT_MATURITY')
    return roundMoney(accrue(base, rate, fraction, c.dayCount), c.currency, c.roundingMode);
  return roundMoney(base.times(rate).dividedBy(PER_YEAR[c.repaymentFrequency ?? 'MONTHLY']), c.currency, c.roundingMode);
}

/** Interest on an amount for a number of days at an annual rate (penalty, compound interest), by the day count's basis. */
export function interestForDays(amount: Money, annualRate: Decimal, days: number, dayCount: DayCount, mode?: RoundingMode): Money {
  return roundMoney(accrue(amount.amount, annualRate, { days, basis: basisOf(dayCount) }, dayCount), amount.currency, mode);
}
