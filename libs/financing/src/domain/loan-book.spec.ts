import { actualDays } from './calendar';
import { ageing, applyPayment, fallDue, LoanBook, openBook, payoff, settled } from './loan-book';
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
const open = (t: LoanTerms = terms): LoanBook => openBook(schedule(t), { ...t, penaltyRate: '0.18' }, (d) => actualDays(t.startDate, d));

describe('loan book', () => {
  it('a bullet paid on its due date books exactly the scheduled interest and closes', () => {
    const fell = fallDue(open());
    // 1,000,000 × 4.5% × 66 / 360 = 8,250.00 — the schedule's number
    expect(fell.interest).toBe(schedule(terms).lines[0].interest);
    expect(fell.interest).toBe('8250.00');
    const paid = applyPayment(fell.book, 66, 'PAY-1', '1008250.00');
    expect(paid.allocation).toMatchObject({ interest: '8250.00', principal: '1000000.00', penalty: '0.00', surplus: '0.00' });
    expect(settled(paid.book)).toBe(true);
  });

  it('returns the buyer’s overpayment to the SME (receivable financing)', () => {
    const { book } = fallDue(open());
    const paid = applyPayment(book, 66, 'BUYER-1', '1250000.00');
    expect(paid.allocation!.surplus).toBe('241750.00');
    expect(settled(paid.book)).toBe(true);
  });

  it('applies a payment reference once', () => {
    const { book } = fallDue(open());
    const once = applyPayment(book, 66, 'P', '100.00').book;
    const twice = applyPayment(once, 66, 'P', '100.00');
    expect(twice.allocation).toBeUndefined();
    expect(twice.book).toBe(once);
  });

  it('charges penalty interest on what is overdue, for the days late, first', () => {
    const { book } = fallDue(open());
    // 10 days late: 1,008,250.00 × 18% × 10 / 360 = 5,041.25
    expect(payoff(book, 76)).toBe('1013291.25');
    const paid = applyPayment(book, 76, 'LATE', '1013291.25');
    expect(paid.allocation).toMatchObject({ penalty: '5041.25', interest: '8250.00', principal: '1000000.00' });
    expect(settled(paid.book)).toBe(true);
  });

  it('charges no penalty within the grace days, and counts penalty days after them', () => {
    const graced = openBook(schedule(terms), { ...terms, penaltyRate: '0.18', graceDays: 3 }, (d) => actualDays(terms.startDate, d));
    const { book } = fallDue(graced);
    expect(payoff(book, 69)).toBe('1008250.00');
    // paid on day 76: 7 penalty days after 3 days' grace → 1,008,250 × 18% × 7 / 360 = 3,528.88
    expect(applyPayment(book, 76, 'LATE', '2000000.00').allocation!.penalty).toBe('3528.88');
  });

  it('ages overdue amounts into buckets', () => {
    const { book } = fallDue(open());
    expect(ageing(book, 66)).toBe('CURRENT');
    expect(ageing(book, 67)).toBe('1-30');
    expect(ageing(book, 96)).toBe('1-30');
    expect(ageing(book, 97)).toBe('31-60');
    expect(ageing(book, 127)).toBe('61-90');
    expect(ageing(book, 157)).toBe('90+');
    const partly = applyPayment(book, 70, 'PART', '1000.00').book;
    expect(ageing(partly, 70)).toBe('1-30'); // a partial payment does not cure
  });

  it('prepays principal early, lowering the interest of later periods', () => {
    const monthly: LoanTerms = {
      principal: '300000.00',
      annualRate: '0.06',
      dayCount: 'ACT/365',
      method: 'EQUAL_PRINCIPAL',
      startDate: '2027-01-01',
      instalments: 3,
    };
    let book = open(monthly);
    const prepaid = applyPayment(book, 10, 'EARLY', '100000.00');
    expect(prepaid.allocation).toMatchObject({ prepaid: '100000.00', principal: '100000.00', surplus: '0.00' });
    book = prepaid.book;
    const first = fallDue(book);
    // interest of January still on the opening 300,000 (31 days); principal line 100,000 due
    expect(first.interest).toBe('1528.77');
    book = applyPayment(first.book, 31, 'JAN', '101528.77').book;
    const second = fallDue(book);
    // February's interest on 100,000 left, not on the scheduled 200,000
    expect(second.interest).toBe('460.27');
    expect(second.principal).toBe('100000.00');
    book = applyPayment(second.book, 59, 'FEB', '100460.27').book;
    expect(settled(book)).toBe(true);
    expect(book.lines).toHaveLength(3); // the third line never falls due with anything left
  });

  it('settles early with the running period’s interest to date, not the full term’s', () => {
    const book = open();
    // day 20 of 66: 1,000,000 × 4.5% × 20 / 360 = 2,500.00
    expect(payoff(book, 20)).toBe('1002500.00');
    const early = applyPayment(book, 20, 'EARLY', '1002500.00');
    expect(early.allocation).toMatchObject({ interest: '2500.00', principal: '1000000.00', surplus: '0.00' });
    expect(settled(early.book)).toBe(true);
  });

  it('pays a partial amount in order: penalty, interest, then principal', () => {
    const { book } = fallDue(open());
    const partial = applyPayment(book, 66, 'P1', '5000.00');
    expect(partial.allocation).toMatchObject({ interest: '5000.00', principal: '0.00' });
    expect(partial.book.due.interest).toBe('3250.00');
    expect(settled(partial.book)).toBe(false);
  });
});
