import type Decimal from 'decimal.js';
import { Dec, Money } from '@caravan/money';
import { addMonths } from './calendar';
import { basisOf, dayCountDays } from './day-count';
import { amortisationOf, DayCount, LoanTerms, productTerms } from './schedule-terms';

export * from './schedule-terms';
export { dayCountDays, yearFraction } from './day-count';

// The one calculator behind the SME's trial calculation (试算), the workflows and the ledger:
// pure and deterministic (safe inside Temporal workflows), money in and out as strings.

export interface ScheduleLine {
  number: number;
  dueDate: string;
  days: number;
  openingPrincipal: string;
  principal: string;
  interest: string;
  payment: string;
  closingPrincipal: string;
}

export interface Schedule {
  currency: string;
  lines: ScheduleLine[];
  fee: string;
  totalPrincipal: string;
  totalInterest: string;
  /** Everything the borrower pays: principal, interest and the fee. */
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
 * The repayment schedule.
 * - BULLET: principal and all interest at maturity.
 * - EQUAL_PRINCIPAL (等额本金): principal / n each month (the last takes the rounding rest),
 *   interest on the opening balance for the period's days.
 * - EQUAL_INSTALMENT (等额本息): the annuity A = P·r / (1 − (1 + r)^−n) with r = annual / 12,
 *   rounded half-up; interest on the opening balance for the period's days; principal = A −
 *   interest; the last instalment clears what is left. With 30/360 this is the textbook table.
 * Interest of each period is rounded half-up at the fen (四舍五入).
 */
export function schedule(terms: LoanTerms): Schedule {
  check(terms);
  const currency = terms.currency ?? 'CNY';
  const principal = Money.of(terms.principal, currency);
  const rate = new Dec(terms.annualRate);
  const n = terms.instalments;
  const dueDates = Array.from({ length: n }, (_, i) =>
    amortisationOf(terms) === 'BULLET' && terms.maturityDate ? terms.maturityDate : addMonths(terms.startDate, i + 1),
  );

  const equalPrincipal = Money.rounded(principal.amount.dividedBy(n), currency);
  const r = rate.dividedBy(12);
  const annuity = r.isZero()
    ? Money.rounded(principal.amount.dividedBy(n), currency)
    : Money.rounded(principal.amount.times(r).dividedBy(new Dec(1).minus(r.plus(1).pow(-n))), currency);

  const lines: ScheduleLine[] = [];
  let opening = principal;
  let previous = terms.startDate;
  for (let i = 0; i < n; i++) {
    const dueDate = dueDates[i];
    const days = dayCountDays(terms.dayCount, previous, dueDate);
    const interest = interestFor(opening, rate, days, terms.dayCount);
    const last = i === n - 1;
    let repaid: Money;
    if (last || amortisationOf(terms) === 'BULLET') repaid = opening;
    else if (amortisationOf(terms) === 'EQUAL_PRINCIPAL') repaid = equalPrincipal;
    else repaid = annuity.minus(interest);
    const closing = opening.minus(repaid);
    lines.push({
      number: i + 1,
      dueDate,
      days,
      openingPrincipal: opening.toString(),
      principal: repaid.toString(),
      interest: interest.toString(),
      payment: repaid.plus(interest).toString(),
      closingPrincipal: closing.toString(),
    });
    opening = closing;
    previous = dueDate;
  }

  const fee = terms.upfrontFeeRate ? principal.times(terms.upfrontFeeRate) : Money.zero(currency);
  const totalInterest = lines.reduce((sum, l) => sum.plus(Money.of(l.interest, currency)), Money.zero(currency));
  return {
    currency,
    lines,
    fee: fee.toString(),
    totalPrincipal: principal.toString(),
    totalInterest: totalInterest.toString(),
    totalPayable: principal.plus(totalInterest).plus(fee).toString(),
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
