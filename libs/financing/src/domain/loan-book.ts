import { Dec, Money } from '@caravan/money';
import { addDays } from './calendar';
import { conventionsOf, InterestConventions, interestForDays, periodInterest } from './period-interest';
import { allocate, Component, DayCount, DEFAULT_ALLOCATION_ORDER, Schedule } from './schedule';
import { LoanTerms, usesNewerConventions } from './schedule-terms';

// A financing's repayment state, pure and serialisable (it lives in the workflow, and
// travels through continue-as-new): what has fallen due, what is paid, what is overdue.
// Days are counted from disbursement (day 0).

export interface BookLine {
  number: number;
  dueDay: number;
  dueDate: string;
  principal: string;
  days: number;
  /** The period's first day (books opened before the conventions count by `days`). */
  from?: string;
  /** An interest-grace period: its interest is paid with the next line's. */
  defers?: boolean;
}

export interface LoanBook {
  currency: string;
  annualRate: string;
  penaltyRate: string;
  /** Days after a due date before penalty interest starts (宽限期). */
  graceDays: number;
  dayCount: DayCount;
  lines: BookLine[];
  /** Lines that have fallen due so far. */
  fallenDue: number;
  /** Principal not yet repaid, due or not. */
  outstanding: string;
  /** Principal outstanding when the current period began: its interest base. */
  periodOpening: string;
  /** The day the current period began (disbursement, or the last due date). */
  periodStart: number;
  due: { penalty: string; interest: string; principal: string };
  /** First day of the oldest unpaid due amount, or null when nothing is overdue. */
  overdueSince: number | null;
  penaltyAccruedTo: number;
  applied: string[];
  surplus: string;
  /** The principal lent: the book re-computes from it (absent in books opened before value dating). */
  principal?: string;
  /** Each payment as applied, by value day: a payment valued before the book's last event re-computes it from the start. */
  received?: Received[];
  /** How its schedule counted interest; absent in books opened before, which count by the line's days. */
  conventions?: InterestConventions;
  /** 复利: the rate on overdue interest; when set, `penaltyRate` (罚息) runs on overdue principal only. */
  compoundRate?: string;
  /** Interest of interest-grace periods, due with the next line. */
  deferred?: string;
}

/** A payment as applied on its value day, and what it paid. */
export interface Received {
  reference: string;
  amount: string;
  day: number;
  penalty: string;
  interest: string;
  principal: string;
  surplus: string;
}

export type AgeingBucket = 'CURRENT' | '1-30' | '31-60' | '61-90' | '90+';

export type BookTerms = Omit<Partial<LoanTerms>, 'principal'> & {
  annualRate: string;
  penaltyRate: string;
  graceDays?: number;
  dayCount: DayCount;
  startDate: string;
};

/** 罚息 at penaltyMultiple × the contract rate on overdue principal, 复利 on overdue interest; else penaltyRate on both. */
function penaltyRates(terms: BookTerms): { penaltyRate: string; compoundRate?: string } {
  if (!terms.penaltyMultiple) return { penaltyRate: terms.penaltyRate };
  const rate = new Dec(terms.annualRate);
  const penaltyRate = rate.times(terms.penaltyMultiple).toString();
  const compound = terms.compoundRate ?? (terms.compoundMultiple ? rate.times(terms.compoundMultiple).toString() : penaltyRate);
  return { penaltyRate, compoundRate: compound };
}

export function openBook(schedule: Schedule, terms: BookTerms, dayOf: (date: string) => number): LoanBook {
  const newer = usesNewerConventions(terms);
  const interestGrace = terms.grace?.interestPeriods ?? 0;
  return {
    currency: schedule.currency,
    annualRate: terms.annualRate,
    ...penaltyRates(terms),
    graceDays: terms.graceDays ?? 0,
    dayCount: terms.dayCount,
    lines: schedule.lines.map((l, i) => ({
      number: l.number,
      dueDay: dayOf(l.dueDate),
      dueDate: l.dueDate,
      principal: l.principal,
      days: l.days,
      ...(newer ? { from: i === 0 ? terms.startDate : schedule.lines[i - 1].dueDate } : {}),
      ...(i < interestGrace && i < schedule.lines.length - 1 ? { defers: true } : {}),
    })),
    ...untouched(schedule.totalPrincipal),
    principal: schedule.totalPrincipal,
    ...(newer ? newerFields(schedule, terms) : {}),
  };
}

function newerFields(schedule: Schedule, terms: BookTerms): Pick<LoanBook, 'conventions' | 'deferred'> {
  return {
    conventions: conventionsOf(
      { ...terms, principal: schedule.totalPrincipal, currency: schedule.currency } as LoanTerms,
      schedule.lines.map((l, i) => ({ from: i === 0 ? terms.startDate : schedule.lines[i - 1].dueDate, to: l.dueDate })),
    ),
    deferred: '0.00',
  };
}

/** A line's interest on the period's opening principal, by its schedule's conventions (by its days in older books). */
function lineInterest(book: LoanBook, line: BookLine): Money {
  const opening = m(book, book.periodOpening);
  if (!book.conventions || !line.from) return interestForDays(opening, new Dec(book.annualRate), line.days, book.dayCount);
  return periodInterest(book.conventions, opening, { from: line.from, to: line.dueDate });
}

const m = (book: LoanBook, value: string) => Money.of(value, book.currency);

/** Penalty interest on what is overdue past the grace days, from the last accrual up to `day`. */
function accruePenalty(book: LoanBook, day: number): LoanBook {
  const from = book.overdueSince === null ? day : Math.max(book.penaltyAccruedTo, book.overdueSince + book.graceDays);
  if (book.overdueSince === null || day <= from) return { ...book, penaltyAccruedTo: Math.max(day, book.penaltyAccruedTo) };
  const days = day - from;
  const onPrincipal = (rate: string, amount: Money) => interestForDays(amount, new Dec(rate), days, book.dayCount);
  const penalty = book.compoundRate
    ? onPrincipal(book.penaltyRate, m(book, book.due.principal)).plus(onPrincipal(book.compoundRate, m(book, book.due.interest)))
    : onPrincipal(book.penaltyRate, m(book, book.due.principal).plus(m(book, book.due.interest)));
  return { ...book, due: { ...book.due, penalty: m(book, book.due.penalty).plus(penalty).toString() }, penaltyAccruedTo: day };
}

/**
 * The next line falls due: its interest (on the principal outstanding at the period's start,
 * for the period's days) and its principal (the whole rest on the last line).
 */
export function fallDue(book: LoanBook): { book: LoanBook; interest: string; principal: string } {
  const line = book.lines[book.fallenDue];
  const accrued = accruePenalty(book, line.dueDay);
  const ownInterest = lineInterest(book, line);
  const deferred = m(book, book.deferred ?? '0');
  const interest = line.defers ? Money.zero(book.currency) : ownInterest.plus(deferred);
  const notYetDue = m(book, book.outstanding).minus(m(book, book.due.principal));
  const last = book.fallenDue === book.lines.length - 1;
  const principalDue = last
    ? notYetDue
    : Money.of(line.principal, book.currency).compare(notYetDue) <= 0
      ? m(book, line.principal)
      : notYetDue;
  const next: LoanBook = {
    ...accrued,
    ...(book.deferred === undefined ? {} : { deferred: (line.defers ? deferred.plus(ownInterest) : Money.zero(book.currency)).toString() }),
    fallenDue: book.fallenDue + 1,
    periodStart: line.dueDay,
    periodOpening: m(book, book.outstanding).minus(m(book, book.due.principal)).minus(principalDue).toString(),
    due: {
      ...accrued.due,
      interest: m(book, accrued.due.interest).plus(interest).toString(),
      principal: m(book, accrued.due.principal).plus(principalDue).toString(),
    },
  };
  const owing = !m(book, next.due.interest).isZero() || !m(book, next.due.principal).isZero();
  return {
    book: { ...next, overdueSince: owing ? (book.overdueSince ?? line.dueDay) : null, penaltyAccruedTo: line.dueDay },
    interest: interest.toString(),
    principal: principalDue.toString(),
  };
}

export interface Allocation {
  reference: string;
  amount: string;
  penalty: string;
  interest: string;
  principal: string;
  /** Part of `principal` paid before it fell due. */
  prepaid: string;
  surplus: string;
}

/**
 * Applies a payment on `day`: penalty first accrues to that day; the payment covers what is
 * due in `order`, then prepays principal not yet due; what is left is surplus (the SME's).
 * A reference already applied changes nothing.
 */
export function applyPayment(
  book: LoanBook,
  day: number,
  reference: string,
  amount: string,
  order: readonly Component[] = DEFAULT_ALLOCATION_ORDER,
): { book: LoanBook; allocation?: Allocation } {
  if (book.applied.includes(reference)) return { book };
  const accrued = settlesEarly(book, day, amount) ? closeEarly(accruePenalty(book, day), day) : accruePenalty(book, day);
  const { allocated, surplus: afterDue } = allocate(amount, { ...accrued.due, fee: '0.00' }, order, book.currency);
  const notYetDue = m(book, accrued.outstanding).minus(m(book, accrued.due.principal));
  const left = m(book, afterDue);
  const prepaid = left.compare(notYetDue) <= 0 ? left : notYetDue;
  const surplus = left.minus(prepaid);
  const due = {
    penalty: m(book, accrued.due.penalty).minus(m(book, allocated.penalty)).toString(),
    interest: m(book, accrued.due.interest).minus(m(book, allocated.interest)).toString(),
    principal: m(book, accrued.due.principal).minus(m(book, allocated.principal)).toString(),
  };
  const stillOverdue = !m(book, due.interest).isZero() || !m(book, due.principal).isZero();
  const paid = {
    penalty: allocated.penalty,
    interest: allocated.interest,
    principal: m(book, allocated.principal).plus(prepaid).toString(),
  };
  const next: LoanBook = {
    ...accrued,
    due,
    outstanding: m(book, accrued.outstanding).minus(m(book, allocated.principal)).minus(prepaid).toString(),
    overdueSince: stillOverdue ? accrued.overdueSince : null,
    applied: [...accrued.applied, reference],
    surplus: m(book, accrued.surplus).plus(surplus).toString(),
    received: accrued.received && [
      ...accrued.received,
      { reference, amount: m(book, amount).toString(), day, ...paid, surplus: surplus.toString() },
    ],
  };
  return {
    book: next,
    allocation: { reference, amount: m(book, amount).toString(), ...paid, prepaid: prepaid.toString(), surplus: surplus.toString() },
  };
}

/** Whether a payment valued on `day` comes before what the book has already counted (a statement imported late). */
export function isBackDated(book: LoanBook, day: number): boolean {
  return book.received !== undefined && book.principal !== undefined && day < book.penaltyAccruedTo;
}

/**
 * A payment valued before the book's last event: the book is computed again from the loan's
 * start, every payment on its own value day (this one among them) and every instalment that has
 * fallen due on its due day, so no interest or penalty runs on money the bank already had.
 */
export function applyBackDated(
  book: LoanBook,
  day: number,
  reference: string,
  amount: string,
  order?: readonly Component[],
): { book: LoanBook; allocation?: Allocation } {
  if (book.applied.includes(reference)) return { book };
  const payments = [...book.received!, { reference, amount, day }].sort((a, b) => a.day - b.day);
  let replayed = reopened(book);
  let allocation: Allocation | undefined;
  const fallDueTo = (limit: number) => {
    while (replayed.fallenDue < book.fallenDue && replayed.lines[replayed.fallenDue].dueDay <= limit) replayed = fallDue(replayed).book;
  };
  for (const p of payments) {
    fallDueTo(p.day);
    const applied = applyPayment(replayed, p.day, p.reference, p.amount, order);
    replayed = applied.book;
    if (p.reference === reference) allocation = applied.allocation;
  }
  fallDueTo(Number.MAX_SAFE_INTEGER);
  return { book: accruePenalty(replayed, book.penaltyAccruedTo), allocation };
}

/** A book's running figures before anything falls due or is paid: all of `principal` outstanding. */
function untouched(principal: string) {
  return {
    fallenDue: 0,
    outstanding: principal,
    periodOpening: principal,
    periodStart: 0,
    due: { penalty: '0.00', interest: '0.00', principal: '0.00' },
    overdueSince: null,
    penaltyAccruedTo: 0,
    applied: [] as string[],
    surplus: '0.00',
    received: [] as Received[],
  };
}

/** The book as it was at disbursement: the same lines and terms, nothing fallen due or paid. */
function reopened(book: LoanBook): LoanBook {
  return {
    ...book,
    ...untouched(book.principal!),
    ...(book.deferred === undefined ? {} : { deferred: '0.00' }),
  };
}

/**
 * Interest of the running period for the days elapsed so far, on its opening principal, by the
 * schedule's conventions (flat interest counts the days elapsed), with interest deferred by grace.
 */
function accruedInterest(book: LoanBook, day: number): Money {
  if (book.fallenDue >= book.lines.length) return Money.zero(book.currency);
  const elapsed = Math.max(0, day - book.periodStart);
  const from = book.lines[book.fallenDue].from;
  if (!book.conventions || !from) return interestForDays(m(book, book.periodOpening), new Dec(book.annualRate), elapsed, book.dayCount);
  const byDays = { ...book.conventions, flatBasis: 'ACTUAL_DAYS' as const, flatTerm: undefined };
  return periodInterest(byDays, m(book, book.periodOpening), { from, to: addDays(from, elapsed) }).plus(m(book, book.deferred ?? '0'));
}

/** Whether this payment clears the loan before its last due date (early settlement). */
function settlesEarly(book: LoanBook, day: number, amount: string): boolean {
  return book.fallenDue < book.lines.length && m(book, amount).compare(m(book, payoff(book, day))) >= 0;
}

/** Early settlement: the running period's interest to date falls due with all the principal. */
function closeEarly(book: LoanBook, day: number): LoanBook {
  return {
    ...book,
    fallenDue: book.lines.length,
    due: {
      ...book.due,
      interest: m(book, book.due.interest).plus(accruedInterest(book, day)).toString(),
      principal: book.outstanding,
    },
  };
}

/** Repaid in full: no principal outstanding and nothing due (penalty included). */
export function settled(book: LoanBook): boolean {
  return m(book, book.outstanding).isZero() && Object.values(book.due).every((v) => m(book, v).isZero());
}

export function ageing(book: LoanBook, day: number): AgeingBucket {
  if (book.overdueSince === null) return 'CURRENT';
  const late = day - book.overdueSince;
  if (late <= 0) return 'CURRENT';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}

/**
 * What clears the loan on `day`: everything due (penalty accrued to that day), all principal,
 * and the running period's interest for the days elapsed (early settlement).
 */
export function payoff(book: LoanBook, day: number): string {
  const accrued = accruePenalty(book, day);
  return m(book, accrued.due.penalty)
    .plus(m(book, accrued.due.interest))
    .plus(m(book, accrued.outstanding))
    .plus(accruedInterest(accrued, day))
    .toString();
}
