import { accrualLines, Line, reallocationLines, repaymentLines } from '@caravan/ledger/workflow';
import { Money } from '@caravan/money';
import type { Component } from './schedule';
import { Allocation, applyBackDated, applyPayment, fallDue, isBackDated, LoanBook, Received } from './loan-book';

/** What a repayment step asks the world to do, in this order; the workflow only carries it out. */
export type RepaymentEffect =
  | { kind: 'post'; key: string; entry: 'accrual' | 'repayment' | 'reallocation'; valueDate: string; lines: Line[] }
  | { kind: 'release-limit'; outstanding: string }
  | { kind: 'record'; step: 'instalment.due' | 'payment.allocated'; detail: Record<string, unknown> };

export interface RepaymentStep {
  book: LoanBook;
  effects: RepaymentEffect[];
  /** For a payment: how it was allocated; none when the reference was applied before. */
  allocation?: Allocation;
}

const NOTHING_PAID = { interest: '0.00', penalty: '0.00' };

/** Books the interest and penalty that fell due between two books (paid at once or not). */
function accrual(
  before: LoanBook,
  after: LoanBook,
  paid: { interest: string; penalty: string },
  key: string,
  valueDate: string,
): RepaymentEffect[] {
  const delta = (k: 'interest' | 'penalty') => Money.of(after.due[k]).plus(Money.of(paid[k])).minus(Money.of(before.due[k])).toString();
  const lines = accrualLines(delta('interest'), delta('penalty'));
  return lines.length > 0 ? [{ kind: 'post', key, entry: 'accrual', valueDate, lines }] : [];
}

/** The next instalment falls due: its interest (and any penalty since) is booked, the step recorded. */
export function instalmentFallsDue(book: LoanBook, ref: string): RepaymentStep {
  const line = book.lines[book.fallenDue];
  const fell = fallDue(book);
  return {
    book: fell.book,
    effects: [
      ...accrual(book, fell.book, NOTHING_PAID, `${ref}/accrual/${line.number}`, line.dueDate),
      { kind: 'record', step: 'instalment.due', detail: { instalment: line.number, interest: fell.interest, principal: fell.principal } },
    ],
  };
}

type Paid = Pick<Received, 'penalty' | 'interest' | 'principal' | 'surplus'>;

/** What the payments (all, or all but one reference) paid together, by component. */
function paidBy(book: LoanBook, except?: string): Paid {
  const sum = (k: keyof Paid) =>
    book
      .received!.filter((r) => r.reference !== except)
      .reduce((t, r) => t.plus(Money.of(r[k], book.currency)), Money.zero(book.currency))
      .toString();
  return { penalty: sum('penalty'), interest: sum('interest'), principal: sum('principal'), surplus: sum('surplus') };
}

const minus = (a: Paid, b: Paid, currency: string): Paid => {
  const d = (k: keyof Paid) => Money.of(a[k], currency).minus(Money.of(b[k], currency)).toString();
  return { penalty: d('penalty'), interest: d('interest'), principal: d('principal'), surplus: d('surplus') };
};

/**
 * A back-dated payment re-computes the book: what the earlier payments paid moves between
 * penalty, interest, principal and surplus (posted as a reallocation), and the interest and
 * penalty counted so far change with it (the accrual's delta, which may be negative).
 */
function recomputed(before: LoanBook, after: LoanBook, allocation: Allocation, ref: string, valueDate: string): RepaymentEffect[] {
  const others = minus(paidBy(after, allocation.reference), paidBy(before), before.currency);
  const paid = minus(paidBy(after), paidBy(before), before.currency);
  const lines = reallocationLines(others);
  return [
    ...accrual(before, after, paid, `${ref}/accrual/${allocation.reference}`, valueDate),
    ...(lines.length > 0
      ? [{ kind: 'post' as const, key: `${ref}/reallocation/${allocation.reference}`, entry: 'reallocation' as const, valueDate, lines }]
      : []),
  ];
}

/**
 * A payment arrives valued on loan day `day` (value date `valueDate`): allocated in the agreed
 * order, booked once (keyed by its reference), the credit limit released to what is still owed.
 * Valued before the book's last event (a statement imported late), it re-computes the book from
 * the start so that no interest or penalty runs on money the bank already had.
 */
export function paymentArrives(
  book: LoanBook,
  ref: string,
  day: number,
  valueDate: string,
  payment: { reference: string; amount: string },
  order?: readonly Component[],
): RepaymentStep {
  const backDated = isBackDated(book, day);
  const apply = backDated ? applyBackDated : applyPayment;
  const { book: after, allocation } = apply(book, day, payment.reference, payment.amount, order);
  if (!allocation) return { book: after, effects: [] };
  return {
    book: after,
    allocation,
    effects: [
      ...(backDated
        ? recomputed(book, after, allocation, ref, valueDate)
        : accrual(book, after, allocation, `${ref}/accrual/${payment.reference}`, valueDate)),
      {
        kind: 'post',
        key: `${ref}/repayment/${payment.reference}`,
        entry: 'repayment',
        valueDate,
        lines: repaymentLines(allocation.amount, allocation, allocation.surplus),
      },
      { kind: 'release-limit', outstanding: after.outstanding },
      { kind: 'record', step: 'payment.allocated', detail: { ...allocation, valueDate } },
    ],
  };
}
