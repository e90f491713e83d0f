import { Money } from '@caravan/money';
import { actualDays } from './calendar';
import { LoanBook, openBook } from './loan-book';
import { instalmentFallsDue, paymentArrives } from './repayment';
import { LoanTerms, schedule } from './schedule';

const terms: LoanTerms = {
  principal: '1000000.00',
  annualRate: '0.045',
  dayCount: 'ACT/360',
  method: 'BULLET',
  startDate: '2026-11-26',
  instalments: 1,
  maturityDate: '2027-01-31',
};
const open = (): LoanBook => openBook(schedule(terms), { ...terms, penaltyRate: '0.18' }, (d) => actualDays(terms.startDate, d));

describe('repayment, as a pure reducer', () => {
  it('an instalment falling due books its interest, then records the step', () => {
    const step = instalmentFallsDue(open(), 'WR-1');
    expect(step.effects.map((e) => e.kind)).toEqual(['post', 'record']);
    expect(step.effects[0]).toMatchObject({ kind: 'post', key: 'WR-1/accrual/1', entry: 'accrual', valueDate: '2027-01-31' });
    expect(step.effects[1]).toMatchObject({
      step: 'instalment.due',
      detail: { instalment: 1, interest: '8250.00', principal: '1000000.00' },
    });
    expect(step.book.due.interest).toBe('8250.00');
  });

  it('a payment posts the repayment, releases the limit to what is owed, then records the allocation', () => {
    const due = instalmentFallsDue(open(), 'WR-1').book;
    const step = paymentArrives(due, 'WR-1', 66, '2027-01-31', { reference: 'PAY-1', amount: '500000.00' });
    expect(step.effects.map((e) => e.kind)).toEqual(['post', 'release-limit', 'record']);
    expect(step.effects[0]).toMatchObject({ key: 'WR-1/repayment/PAY-1', entry: 'repayment', valueDate: '2027-01-31' });
    expect(step.effects[1]).toEqual({ kind: 'release-limit', outstanding: step.book.outstanding });
    expect(step.allocation).toMatchObject({ interest: '8250.00', principal: '491750.00' });
  });

  it('a payment after the due date first books the penalty that accrued', () => {
    const due = instalmentFallsDue(open(), 'WR-1').book;
    const step = paymentArrives(due, 'WR-1', 76, '2027-02-10', { reference: 'LATE', amount: '1100000.00' });
    expect(step.effects[0]).toMatchObject({ key: 'WR-1/accrual/LATE', entry: 'accrual' });
    expect(step.allocation!.penalty).not.toBe('0.00');
  });

  it('a reference applied before changes nothing and asks for nothing', () => {
    const due = instalmentFallsDue(open(), 'WR-1').book;
    const once = paymentArrives(due, 'WR-1', 66, '2027-01-31', { reference: 'PAY-1', amount: '100.00' });
    const again = paymentArrives(once.book, 'WR-1', 66, '2027-01-31', { reference: 'PAY-1', amount: '100.00' });
    expect(again).toEqual({ book: once.book, effects: [] });
  });
});

describe('a payment valued before the book last moved (a statement imported late)', () => {
  const twoMonths: LoanTerms = { ...terms, method: 'EQUAL_PRINCIPAL', instalments: 2, maturityDate: undefined };
  const openTwo = (): LoanBook =>
    openBook(schedule(twoMonths), { ...twoMonths, penaltyRate: '0.18' }, (d) => actualDays(twoMonths.startDate, d));
  const first = { reference: 'PAY-1', amount: '' };

  /** Instalment 1 falls due and is paid on its due date: what a statement on time gives. */
  function onTime() {
    const due1 = instalmentFallsDue(openTwo(), 'L');
    const owed = Money.of(due1.book.due.interest).plus(Money.of(due1.book.due.principal)).toString();
    const paid = paymentArrives(due1.book, 'L', due1.book.lines[0].dueDay, due1.book.lines[0].dueDate, { ...first, amount: owed });
    return { owed, due1: due1.book, book: instalmentFallsDue(paid.book, 'L').book };
  }

  it('is applied as of its value date: the book is the one an on-time statement gives, penalty counted meanwhile taken back', () => {
    const { owed, due1, book: expected } = onTime();
    const late = instalmentFallsDue(due1, 'L').book; // instalment 2 fell due with instalment 1 unpaid: penalty ran
    expect(late.due.penalty).not.toBe('0.00');
    const step = paymentArrives(late, 'L', late.lines[0].dueDay, late.lines[0].dueDate, { ...first, amount: owed });
    expect(step.book).toEqual(expected);
    expect(step.allocation).toMatchObject({ penalty: '0.00', surplus: '0.00', prepaid: '0.00' });
    const accrual = step.effects.find((e) => e.kind === 'post' && e.entry === 'accrual');
    // the penalty counted while the payment was unknown leaves income again
    expect(accrual).toMatchObject({
      lines: [
        { account: 'PENALTY_INCOME', debit: late.due.penalty },
        { account: 'PENALTY_RECEIVABLE', credit: late.due.penalty },
      ],
    });
    expect(step.effects.some((e) => e.kind === 'post' && e.entry === 'reallocation')).toBe(false);
  });

  it('moves what later-valued payments paid: a penalty one paid becomes principal, posted as a balanced reallocation', () => {
    const { owed, due1 } = onTime();
    const dueDay = due1.lines[0].dueDay;
    // a partial payment ten days late pays penalty first; then the statement showing the on-time payment arrives
    const partial = paymentArrives(due1, 'L', dueDay + 10, '2027-01-05', { reference: 'PAY-2', amount: '1000.00' });
    expect(partial.allocation!.penalty).not.toBe('0.00');
    const step = paymentArrives(partial.book, 'L', dueDay, due1.lines[0].dueDate, { ...first, amount: owed });
    const realloc = step.effects.find((e) => e.kind === 'post' && e.entry === 'reallocation');
    expect(realloc).toBeDefined();
    const lines = (realloc as { lines: Array<{ account: string; debit?: string; credit?: string }> }).lines;
    const total = (side: 'debit' | 'credit') => lines.reduce((t, l) => t.plus(Money.of(l[side] ?? '0')), Money.zero()).toString();
    expect(total('debit')).toBe(total('credit'));
    expect(lines).toContainEqual({ account: 'PENALTY_RECEIVABLE', debit: partial.allocation!.penalty });
    // PAY-2 now only prepays instalment 2: nothing was overdue when it came
    expect(step.book.received!.find((r) => r.reference === 'PAY-2')).toMatchObject({ penalty: '0.00', principal: '1000.00' });
    expect(step.book.due.penalty).toBe('0.00');
  });

  it('a book from before value dating (no payments kept) takes a late payment as it came', () => {
    const { owed, due1 } = onTime();
    const legacy: LoanBook = { ...instalmentFallsDue(due1, 'L').book, received: undefined, principal: undefined };
    const step = paymentArrives(legacy, 'L', legacy.lines[0].dueDay, legacy.lines[0].dueDate, { ...first, amount: owed });
    // the penalty counted while it was unknown stays, and the payment pays it first
    expect(step.allocation!.penalty).toBe(legacy.due.penalty);
  });
});
