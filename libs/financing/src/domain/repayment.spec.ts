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
