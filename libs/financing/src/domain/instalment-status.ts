import { Dec, Money } from '@caravan/money';
import type { ScheduleLine } from './schedule';

// Each instalment's own state, derived from the schedule and the repayment steps of the
// timeline: the book keeps what is due in total, the borrower asks which instalment is paid.

export type InstalmentStatus = 'UPCOMING' | 'DUE' | 'PARTLY_PAID' | 'PAID' | 'OVERDUE';

/** A repayment step of the timeline, in the order it happened. */
export type RepaymentFact =
  /** An instalment fell due with this interest and principal (the book's amounts, not the schedule's). */
  | { kind: 'due'; instalment: number; interest: string; principal: string }
  /** A payment was allocated on this business date; `prepaid` is the part of `principal` not yet due. */
  | { kind: 'paid'; date: string; penalty: string; interest: string; principal: string; prepaid: string };

export interface Instalment {
  number: number;
  dueDate: string;
  status: InstalmentStatus;
  /** What the instalment asks: the schedule's amounts until it falls due, then the book's. */
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

interface Running {
  line: ScheduleLine;
  due: { principal: Money; interest: Money };
  paid: { principal: Money; interest: Money; penalty: Money };
  paidOn: string[];
}

/**
 * Payments go to instalments as the book spends them: penalty to the oldest instalment not yet
 * paid, interest and principal due to the oldest with some unpaid, and principal paid before it
 * fell due to the last instalments first (the book shortens the loan from its end).
 */
export function instalments(lines: ScheduleLine[], facts: RepaymentFact[], position: LoanPosition): Instalment[] {
  const m = (v: string) => Money.of(v, position.currency);
  const zero = Money.zero(position.currency);
  const running: Running[] = lines.map((line) => ({
    line,
    due: { principal: m(line.principal), interest: m(line.interest) },
    paid: { principal: zero, interest: zero, penalty: zero },
    paidOn: [],
  }));
  const unpaid = (r: Running, k: 'principal' | 'interest') => r.due[k].minus(r.paid[k]);
  const open = (r: Running) => unpaid(r, 'principal').isPositive() || unpaid(r, 'interest').isPositive();
  const spend = (r: Running, k: 'principal' | 'interest' | 'penalty', amount: Money, date: string) => {
    r.paid[k] = r.paid[k].plus(amount);
    if (!r.paidOn.includes(date)) r.paidOn.push(date);
  };
  /** Fills component `k` of the instalments in `order` up to what each asks, the rest to the last one reached. */
  const fill = (order: Running[], k: 'principal' | 'interest', amount: Money, date: string) => {
    let left = amount;
    for (const r of order) {
      if (!left.isPositive()) return;
      const part = unpaid(r, k).compare(left) < 0 ? unpaid(r, k) : left;
      if (part.isPositive()) spend(r, k, part, date);
      left = left.minus(part);
    }
    if (left.isPositive() && order.length > 0) spend(order[order.length - 1], k, left, date);
  };
  for (const fact of facts) {
    if (fact.kind === 'due') {
      const r = running[fact.instalment - 1];
      // principal prepaid on it before stays paid; what it asks now is that plus what fell due
      if (!r) continue;
      r.due = { principal: r.paid.principal.plus(m(fact.principal)), interest: m(fact.interest) };
      // the next period begins: its interest base is fixed now
      const next = running.slice(fact.instalment);
      if (next.length > 0) next[0].due.interest = interestAfterPrepayment(next);
      continue;
    }
    const penalty = m(fact.penalty);
    if (penalty.isPositive()) spend(running.find(open) ?? running[running.length - 1], 'penalty', penalty, fact.date);
    fill(running, 'interest', m(fact.interest), fact.date);
    fill(running, 'principal', m(fact.principal).minus(m(fact.prepaid)), fact.date);
    fill([...running].reverse(), 'principal', m(fact.prepaid), fact.date);
  }
  // periods not begun yet: what they would ask with the principal left now
  for (let i = position.fallenDue + 1; i < running.length; i++) running[i].due.interest = interestAfterPrepayment(running.slice(i));
  return running.map((r) => ({
    number: r.line.number,
    dueDate: r.line.dueDate,
    status: statusOf(r, open(r), position),
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
function statusOf(r: Running, open: boolean, position: LoanPosition): InstalmentStatus {
  if (!open || position.settled) return 'PAID';
  const fallenDue = r.line.number <= position.fallenDue;
  if (fallenDue && position.today > r.line.dueDate) return 'OVERDUE';
  if (r.paidOn.length > 0) return 'PARTLY_PAID';
  return fallenDue || position.today >= r.line.dueDate ? 'DUE' : 'UPCOMING';
}
