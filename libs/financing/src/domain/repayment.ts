import { accrualLines, Line, repaymentLines } from '@caravan/ledger/workflow';
import { Money } from '@caravan/money';
import type { Component } from './schedule';
import { Allocation, applyPayment, fallDue, LoanBook } from './loan-book';

/** What a repayment step asks the world to do, in this order; the workflow only carries it out. */
export type RepaymentEffect =
  | { kind: 'post'; key: string; entry: 'accrual' | 'repayment'; valueDate: string; lines: Line[] }
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

/**
 * A payment arrives on loan day `day` (value date `valueDate`): allocated in the agreed order,
 * booked once (keyed by its reference), the credit limit released to what is still owed.
 */
export function paymentArrives(
  book: LoanBook,
  ref: string,
  day: number,
  valueDate: string,
  payment: { reference: string; amount: string },
  order?: readonly Component[],
): RepaymentStep {
  const { book: after, allocation } = applyPayment(book, day, payment.reference, payment.amount, order);
  if (!allocation) return { book: after, effects: [] };
  return {
    book: after,
    allocation,
    effects: [
      ...accrual(book, after, allocation, `${ref}/accrual/${payment.reference}`, valueDate),
      {
        kind: 'post',
        key: `${ref}/repayment/${payment.reference}`,
        entry: 'repayment',
        valueDate,
        lines: repaymentLines(allocation.amount, allocation, allocation.surplus),
      },
      { kind: 'release-limit', outstanding: after.outstanding },
      { kind: 'record', step: 'payment.allocated', detail: { ...allocation } },
    ],
  };
}
