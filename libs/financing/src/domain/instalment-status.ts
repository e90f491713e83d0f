import { Dec, Money } from '@caravan/money';
import type { ScheduleLine } from './schedule';

// Each instalment's own state, derived from the schedule and the repayment steps of the
// timeline: the book keeps what is due in total, the borrower asks which instalment is paid.

export type InstalmentStatus = 'UPCOMING' | 'DUE' | 'PARTLY_PAID' | 'PAID' | 'OVERDUE';

/** A repayment step of the timeline. */
export type RepaymentFact =
  /** An instalment fell due (on its due date) asking this interest: the book's figure, not the schedule's. */
  | { kind: 'due'; instalment: number; interest: string }
  /** A payment valued on this business date paid these components. */
  | { kind: 'paid'; date: string; penalty: string; interest: string; principal: string };

export interface Instalment {
  number: number;
  dueDate: string;
  status: InstalmentStatus;
  /** What the instalment asks: its principal, and its period's interest (the book's once it fell due). */
  due: { principal: string; interest: string };
  paid: { principal: string; interest: string; penalty: string };
  /** The business dates payments went to it, in order. */
  paidOn: string[];
}

export interface LoanPosition {
  currency: string;
  /** Instalments that have fallen due so far (the book's `fallenDue`). */
  fallenDue: number;
  /** Nothing owed any more: interest not yet accrued on later instalments is not owed either. */
  settled: boolean;
  /** The loan's business date now, as its book counts days. */
  today: string;
}

type Component = 'principal' | 'interest' | 'penalty';

interface Running {
  line: ScheduleLine;
  fallenDue: boolean;
  due: { principal: Money; interest: Money };
  paid: Record<Component, Money>;
  paidOn: string[];
}

const unpaid = (r: Running, k: 'principal' | 'interest') => r.due[k].minus(r.paid[k]);
const open = (r: Running) => unpaid(r, 'principal').isPositive() || unpaid(r, 'interest').isPositive();

function spend(r: Running, k: Component, amount: Money, date: string): void {
  r.paid[k] = r.paid[k].plus(amount);
  if (!r.paidOn.includes(date)) r.paidOn.push(date);
}

/** Fills component `k` of the instalments in `order` up to what each asks; what is left goes to the last one reached. */
function fill(order: Running[], k: 'principal' | 'interest', amount: Money, date: string): void {
  let left = amount;
  for (const r of order) {
    if (!left.isPositive()) return;
    const part = unpaid(r, k).compare(left) < 0 ? unpaid(r, k) : left;
    if (part.isPositive()) spend(r, k, part, date);
    left = left.minus(part);
  }
  if (left.isPositive() && order.length > 0) spend(order[order.length - 1], k, left, date);
}

/**
 * Payments go to instalments as the book spends them, in value-date order (an instalment falling
 * due before a payment of the same day): penalty to the oldest instalment fallen due and open,
 * interest to the oldest with some unpaid, principal first to the instalments fallen due and the
 * rest (paid before it fell due) to the last instalments first, as the book shortens the loan
 * from its end.
 */
export function instalments(lines: ScheduleLine[], facts: RepaymentFact[], position: LoanPosition): Instalment[] {
  const m = (v: string) => Money.of(v, position.currency);
  const zero = Money.zero(position.currency);
  const running: Running[] = lines.map((line) => ({
    line,
    fallenDue: false,
    due: { principal: m(line.principal), interest: m(line.interest) },
    paid: { principal: zero, interest: zero, penalty: zero },
    paidOn: [],
  }));
  const dateOf = (f: RepaymentFact) => (f.kind === 'due' ? (lines[f.instalment - 1]?.dueDate ?? '') : f.date);
  const ordered = [...facts].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || (a.kind === b.kind ? 0 : a.kind === 'due' ? -1 : 1));
  for (const fact of ordered) {
    if (fact.kind === 'due') {
      const r = running[fact.instalment - 1];
      if (!r) continue;
      r.fallenDue = true;
      r.due.interest = m(fact.interest);
      // the next period begins: its interest base is fixed now
      const next = running.slice(fact.instalment);
      if (next.length > 0) next[0].due.interest = interestAfterPrepayment(next);
      continue;
    }
    const fallen = running.filter((r) => r.fallenDue);
    const penalty = m(fact.penalty);
    if (penalty.isPositive()) spend(fallen.find(open) ?? running.find(open) ?? running[running.length - 1], 'penalty', penalty, fact.date);
    fill(running, 'interest', m(fact.interest), fact.date);
    const owed = fallen.reduce((sum, r) => sum.plus(unpaid(r, 'principal')), zero);
    const principal = m(fact.principal);
    const toFallen = principal.compare(owed) < 0 ? principal : owed;
    fill(fallen, 'principal', toFallen, fact.date);
    fill(running.filter((r) => !r.fallenDue).reverse(), 'principal', principal.minus(toFallen), fact.date);
  }
  // periods not begun yet: what they would ask with the principal left now; settled early, only the interest to date was owed
  for (let i = position.fallenDue + 1; i < running.length; i++) running[i].due.interest = interestAfterPrepayment(running.slice(i));
  if (position.settled) for (const r of running.filter((x) => !x.fallenDue)) r.due.interest = r.paid.interest;
  return running.map((r) => ({
    number: r.line.number,
    dueDate: r.line.dueDate,
    status: statusOf(r, position),
    due: { principal: r.due.principal.toString(), interest: r.due.interest.toString() },
    paid: { principal: r.paid.principal.toString(), interest: r.paid.interest.toString(), penalty: r.paid.penalty.toString() },
    paidOn: r.paidOn,
  }));
}

/**
 * A period asks interest on the principal left when it begins, so principal prepaid before
 * lowers it in proportion (to nothing for instalments prepaid in full); `later` are the
 * instalments from this one on.
 */
function interestAfterPrepayment(later: Running[]): Money {
  const [r] = later;
  const opening = new Dec(r.line.openingPrincipal);
  const scheduled = Money.of(r.line.interest, r.due.interest.currency);
  if (opening.isZero()) return scheduled;
  const left = later.reduce((sum, l) => sum.plus(l.due.principal.minus(l.paid.principal).amount), new Dec(0));
  return scheduled.times(left.dividedBy(opening));
}

/** Paid once nothing is left (or the loan is settled); overdue once fallen due and past its date; due from its date; upcoming before. */
function statusOf(r: Running, position: LoanPosition): InstalmentStatus {
  if (!open(r) || position.settled) return 'PAID';
  const fallenDue = r.line.number <= position.fallenDue;
  if (fallenDue && position.today > r.line.dueDate) return 'OVERDUE';
  if (r.paidOn.length > 0) return 'PARTLY_PAID';
  return fallenDue || position.today >= r.line.dueDate ? 'DUE' : 'UPCOMING';
}
