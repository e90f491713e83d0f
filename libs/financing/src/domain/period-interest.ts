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
  /** Flat by actual days: the whole term (disbursement to the last due date) and its number of periods. */
  flatTerm?: { from: string; to: string; periods: number };
}

/** The conventions of a schedule's terms; `spans` are its periods (flat interest by days spreads over them). */
export function conventionsOf(terms: LoanTerms, spans?: Period[]): InterestConventions {
  const byDays = terms.interestType === 'FLAT' && terms.flatBasis === 'ACTUAL_DAYS' && spans?.length;
  return {
    ...(byDays ? { flatTerm: { from: spans[0].from, to: spans.at(-1)!.to, periods: spans.length } } : {}),
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
 * FLAT: on the principal lent whatever has been repaid, a regular period's share of the year
 * (PER_PERIOD), or the whole term's interest by its actual days spread evenly over the periods,
 * the last taking the rounding rest (ACTUAL_DAYS, Fineract's flat with daily interest).
 */
export function periodInterest(c: InterestConventions, opening: Money, period: Period): Money {
  const rate = new Dec(c.annualRate);
  const byDays = (amount: Decimal, from: string, to: string) =>
    roundMoney(accrue(amount, rate, dayCountFraction(c.dayCount, from, to), c.dayCount), c.currency, c.roundingMode);
  if (c.interestType !== 'FLAT') return byDays(opening.amount, period.from, period.to);
  const base = new Dec(c.principal);
  if (c.flatTerm) {
    const whole = byDays(base, c.flatTerm.from, c.flatTerm.to);
    const share = roundMoney(whole.amount.dividedBy(c.flatTerm.periods), c.currency, c.roundingMode);
    return period.to === c.flatTerm.to ? whole.minus(share.times(String(c.flatTerm.periods - 1))) : share;
  }
  if (c.flatBasis === 'ACTUAL_DAYS' || c.repaymentFrequency === 'AT_MATURITY') return byDays(base, period.from, period.to);
  return roundMoney(base.times(rate).dividedBy(PER_YEAR[c.repaymentFrequency ?? 'MONTHLY']), c.currency, c.roundingMode);
}

/** Interest on an amount for a number of days at an annual rate (penalty, compound interest), by the day count's basis. */
export function interestForDays(amount: Money, annualRate: Decimal, days: number, dayCount: DayCount, mode?: RoundingMode): Money {
  return roundMoney(accrue(amount.amount, annualRate, { days, basis: basisOf(dayCount) }, dayCount), amount.currency, mode);
}
