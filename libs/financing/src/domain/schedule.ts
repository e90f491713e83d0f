import type Decimal from 'decimal.js';
import { Dec, Money } from '@caravan/money';
import { basisOf, dayCountDays } from './day-count';
import { Period, periods } from './due-dates';
import { conventionsOf, InterestConventions, periodicRate, periodInterest, roundMoney, roundToMultiple } from './period-interest';
import { amortisationOf, DayCount, EVERY_DAY_WORKS, Fee, LoanTerms, productTerms, WorkingDays } from './schedule-terms';

export * from './schedule-terms';
export { dayCountDays, days30360US, days30E360, yearFraction } from './day-count';
export { periodInterest, conventionsOf, interestForDays } from './period-interest';
export type { InterestConventions } from './period-interest';
export type { Period } from './due-dates';

// The one calculator behind the SME's trial calculation (试算), the workflows and the ledger:
// pure and deterministic (safe inside Temporal workflows), money in and out as strings.

export interface ScheduleLine {
  number: number;
  dueDate: string;
  days: number;
  openingPrincipal: string;
  principal: string;
  interest: string;
  /** Per-period fees due with the instalment (present only when the terms have them). */
  fee?: string;
  /** Principal, interest and any per-period fee. */
  payment: string;
  closingPrincipal: string;
}

export interface Schedule {
  currency: string;
  lines: ScheduleLine[];
  /** Up-front fees, paid at disbursement. */
  fee: string;
  totalPrincipal: string;
  totalInterest: string;
  /** Everything the borrower pays: principal, interest and the fees. */
  totalPayable: string;
}

/** Interest on an amount for a number of days at an annual rate, half-up at the minor unit. */
export function interestFor(amount: Money, annualRate: Decimal, days: number, dayCount: DayCount): Money {
  return amount.times(annualRate.times(days).dividedBy(basisOf(dayCount)));
}

/** Penalty (default) interest on an overdue amount for the days it is overdue. */
export function penaltyInterest(overdue: string, penaltyRate: string, days: number, dayCount: DayCount, currency = 'CNY'): string {
  return interestFor(Money.of(overdue, currency), new Dec(penaltyRate), days, dayCount).toString();
}

/** What a bank advances against a receivable: eligible amount × advance rate, half-up. */
export function advanceAmount(eligible: string, advanceRate: string, currency = 'CNY'): string {
  return Money.of(eligible, currency).times(advanceRate).toString();
}

function check(terms: LoanTerms): void {
  const [problem] = productTerms(terms);
  if (problem) throw problem;
}

/**
 * The repayment schedule, every convention of LoanTerms (terms without the newer fields give
 * the tables they always gave, so recorded workflows replay). Due dates roll over `calendar`.
 * - BULLET: principal at maturity; INTEREST_ONLY (先息后本): interest each period, principal on the last.
 * - EQUAL_PRINCIPAL (等额本金): principal / n (the last takes the rounding rest).
 * - FIXED_PRINCIPAL_PERCENT: principal × percent each period, the balloon on the last.
 * - EQUAL_INSTALMENT (等额本息): declining, the annuity A = P·r / (1 − (1 + r)^−n), r the periodic
 *   rate (annual / 12 a month); flat, (P + the term's interest) / n; rounded to the minor unit,
 *   then to the instalment multiple; principal = A − interest; the last clears what is left.
 * Grace on principal moves the amortisation after it; interest of interest-grace periods is
 * paid with the first period after them. Each period's interest comes from periodInterest.
 */
export function schedule(terms: LoanTerms, calendar: WorkingDays = EVERY_DAY_WORKS): Schedule {
  check(terms);
  const spans = periods(terms, calendar);
  const conventions = conventionsOf(terms, spans);
  const perPeriodFee = feePerPeriod(terms);
  const lines: ScheduleLine[] = [];
  const repay = principalRule(terms, conventions, spans);
  const interestGrace = Math.min(terms.grace?.interestPeriods ?? 0, spans.length - 1);
  let opening = Money.of(terms.principal, conventions.currency);
  let deferred = Money.zero(conventions.currency);
  for (const [i, span] of spans.entries()) {
    const accrued = periodInterest(conventions, opening, span);
    const interest = i < interestGrace ? Money.zero(conventions.currency) : accrued.plus(deferred);
    deferred = i < interestGrace ? deferred.plus(accrued) : Money.zero(conventions.currency);
    const repaid = repay(i, opening, accrued);
    const closing = opening.minus(repaid);
    const payment = repaid.plus(interest);
    lines.push({
      number: i + 1,
      dueDate: span.to,
      days: dayCountDays(terms.dayCount, span.from, span.to),
      openingPrincipal: opening.toString(),
      principal: repaid.toString(),
      interest: interest.toString(),
      ...(perPeriodFee ? { fee: perPeriodFee.toString() } : {}),
      payment: (perPeriodFee ? payment.plus(perPeriodFee) : payment).toString(),
      closingPrincipal: closing.toString(),
    });
    opening = closing;
  }
  return totals(terms, conventions.currency, lines);
}

/** The principal repaid in period i (0-based), given the opening balance and the period's own interest. */
function principalRule(terms: LoanTerms, c: InterestConventions, spans: Period[]): (i: number, opening: Money, interest: Money) => Money {
  const n = spans.length;
  const amortisation = amortisationOf(terms);
  const grace = amortisation === 'INTEREST_ONLY' || amortisation === 'BULLET' ? n - 1 : Math.min(terms.grace?.principalPeriods ?? 0, n - 1);
  const principal = Money.of(terms.principal, c.currency);
  const mode = terms.rounding?.mode;
  const level =
    amortisation === 'EQUAL_PRINCIPAL'
      ? roundMoney(principal.amount.dividedBy(n - grace), c.currency, mode)
      : amortisation === 'FIXED_PRINCIPAL_PERCENT'
        ? roundMoney(principal.amount.times(terms.principalPercent!), c.currency, mode)
        : levelInstalment(terms, c, spans.slice(grace));
  // never more than is owed, never a negative repayment (interest above the instalment is not capitalised)
  const cap = (amount: Money, opening: Money) =>
    amount.isNegative() ? Money.zero(c.currency) : amount.compare(opening) > 0 ? opening : amount;
  return (i, opening, interest) => {
    if (i === n - 1) return opening;
    if (i < grace) return Money.zero(c.currency);
    return cap(amortisation === 'EQUAL_INSTALMENT' ? level.minus(interest) : level, opening);
  };
}

/** The level instalment (等额本息) over the amortising periods, rounded to the minor unit then to the multiple. */
function levelInstalment(terms: LoanTerms, c: InterestConventions, amortising: Period[]): Money {
  const principal = Money.of(terms.principal, c.currency);
  const m = amortising.length;
  const mode = terms.rounding?.mode;
  let exact: Decimal;
  if (c.interestType === 'FLAT') {
    const interest = amortising.reduce((sum, p) => sum.plus(periodInterest(c, principal, p).amount), new Dec(0));
    exact = principal.amount.plus(interest).dividedBy(m);
  } else {
    const r = periodicRate(c);
    exact = r.isZero() ? principal.amount.dividedBy(m) : principal.amount.times(r).dividedBy(new Dec(1).minus(r.plus(1).pow(-m)));
  }
  return roundToMultiple(roundMoney(exact, c.currency, mode), terms.rounding?.instalmentMultiple, mode);
}

function feeAmount(terms: LoanTerms, fee: Fee): Money {
  const currency = terms.currency ?? 'CNY';
  if (fee.amount !== undefined) return Money.of(fee.amount, currency);
  return roundMoney(new Dec(terms.principal).times(fee.rate!), currency, terms.rounding?.mode);
}

/** The fee each instalment carries (PER_PERIOD fees), or undefined when there is none. */
function feePerPeriod(terms: LoanTerms): Money | undefined {
  const perPeriod = (terms.fees ?? []).filter((f) => f.kind === 'PER_PERIOD');
  if (!perPeriod.length) return undefined;
  return perPeriod.reduce((sum, f) => sum.plus(feeAmount(terms, f)), Money.zero(terms.currency ?? 'CNY'));
}

function totals(terms: LoanTerms, currency: string, lines: ScheduleLine[]): Schedule {
  const principal = Money.of(terms.principal, currency);
  const sum = (values: Array<string | undefined>) => values.reduce((s, v) => (v ? s.plus(Money.of(v, currency)) : s), Money.zero(currency));
  const upfront = (terms.fees ?? []).filter((f) => f.kind === 'UPFRONT').map((f) => feeAmount(terms, f));
  const fee = upfront.reduce((s, f) => s.plus(f), terms.upfrontFeeRate ? principal.times(terms.upfrontFeeRate) : Money.zero(currency));
  const totalInterest = sum(lines.map((l) => l.interest));
  return {
    currency,
    lines,
    fee: fee.toString(),
    totalPrincipal: principal.toString(),
    totalInterest: totalInterest.toString(),
    totalPayable: principal
      .plus(totalInterest)
      .plus(fee)
      .plus(sum(lines.map((l) => l.fee)))
      .toString(),
  };
}

export type Component = 'penalty' | 'fee' | 'interest' | 'principal';
export const DEFAULT_ALLOCATION_ORDER: readonly Component[] = ['penalty', 'fee', 'interest', 'principal'];

/**
 * Allocates a payment over what is due, in order (penalty, fee, interest, principal by
 * default); what is left over is returned as the surplus (early repayment or the SME's).
 */
export function allocate(
  payment: string,
  due: Record<Component, string>,
  order: readonly Component[] = DEFAULT_ALLOCATION_ORDER,
  currency = 'CNY',
): { allocated: Record<Component, string>; surplus: string } {
  let left = Money.of(payment, currency);
  const allocated = { penalty: '0', fee: '0', interest: '0', principal: '0' } as Record<Component, string>;
  for (const component of order) {
    const owed = Money.of(due[component], currency);
    const take = left.compare(owed) < 0 ? left : owed;
    allocated[component] = take.toString();
    left = left.minus(take);
  }
  for (const c of Object.keys(allocated) as Component[]) allocated[c] = Money.of(allocated[c], currency).toString();
  return { allocated, surplus: left.toString() };
}
