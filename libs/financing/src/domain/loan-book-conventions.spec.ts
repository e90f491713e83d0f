import { Money } from '@caravan/money';
import { actualDays } from './calendar';
import { applyBackDated, applyPayment, fallDue, LoanBook, openBook, payoff } from './loan-book';
import { LoanTerms, schedule } from './schedule';

// The book counts each period's interest, the early settlement and the penalty by the same
// conventions as the schedule it was opened from (one calculator), and older books as before.

const base: LoanTerms = {
  principal: '120000.00',
  annualRate: '0.06',
  dayCount: 'ACT/365F',
  amortisation: 'EQUAL_INSTALMENT',
  startDate: '2027-01-31',
  instalments: 6,
};
const open = (t: LoanTerms, extra: Partial<LoanTerms> = {}): LoanBook =>
  openBook(schedule(t), { ...t, ...extra, penaltyRate: '0.09' }, (d) => actualDays(t.startDate, d));

/** Every line falls due and is paid on its day; the interest each asked. */
function paidOnTime(book: LoanBook): string[] {
  const asked: string[] = [];
  for (let i = 0; i < book.lines.length; i++) {
    const fell = fallDue(book);
    asked.push(fell.interest);
    const due = Money.of(fell.book.due.interest).plus(Money.of(fell.book.due.principal));
    book = applyPayment(fell.book, book.lines[i].dueDay, `P${i}`, due.toString()).book;
  }
  return asked;
}

describe('loan book: the schedule’s conventions', () => {
  it.each<[string, Partial<LoanTerms>]>([
    ['flat per period', { interestType: 'FLAT' }],
    ['flat by actual days', { interestType: 'FLAT', flatBasis: 'ACTUAL_DAYS', amortisation: 'EQUAL_PRINCIPAL' }],
    [
      'annual/12 per period, instalments in multiples of 100',
      { dayCount: 'PERIODIC-12', rounding: { mode: 'HALF_UP', instalmentMultiple: '100' } },
    ],
    ['30/360 US from 31 January', { dayCount: '30/360-US' }],
    ['30E/360', { dayCount: '30E/360', amortisation: 'EQUAL_PRINCIPAL' }],
    [
      'ACT/ACT ISDA over a year end',
      { dayCount: 'ACT/ACT-ISDA', startDate: '2027-10-15', repaymentFrequency: 'QUARTERLY', instalments: 4 },
    ],
    ['ACT/364 weekly', { dayCount: 'ACT/364', repaymentFrequency: 'WEEKLY', instalments: 8 }],
    ['half-even', { rounding: { mode: 'HALF_EVEN' }, annualRate: '0.0435' }],
    ['grace on interest for 2 periods', { grace: { interestPeriods: 2, principalPeriods: 2 } }],
    ['fixed principal 10% with a balloon', { amortisation: 'FIXED_PRINCIPAL_PERCENT', principalPercent: '0.1' }],
    [
      '按季结息 on the 20th, principal at maturity',
      {
        amortisation: 'INTEREST_ONLY',
        interestSettlement: { frequency: 'QUARTERLY', day: 20 },
        maturityDate: '2028-01-31',
        instalments: 1,
      },
    ],
  ])('%s: each period’s interest is the schedule’s', (_, change) => {
    const terms = { ...base, ...change };
    expect(paidOnTime(open(terms))).toEqual(schedule(terms).lines.map((l) => l.interest));
  });

  it('settles a flat loan early with the days elapsed, not the whole period', () => {
    const terms: LoanTerms = { ...base, interestType: 'FLAT', dayCount: 'ACT/360', startDate: '2027-03-01' };
    // 120,000 × 6% × 10 / 360 = 200.00 for the ten days since disbursement (the period's flat interest is 600.00)
    expect(payoff(open(terms), 10)).toBe('120200.00');
  });

  it('settles early by the book’s own day count: 30/360 US counts 31 January to 3 March as 33 days', () => {
    const us: LoanTerms = { ...base, dayCount: '30/360-US', startDate: '2027-01-31', firstDueDate: '2027-03-31' };
    // 120,000 × 6% × 33 / 360 = 660.00
    expect(payoff(open(us), 31)).toBe('120660.00');
  });

  it('a book opened before the conventions (no conventions in its state) counts as it always did', () => {
    const old: LoanTerms = { ...base, amortisation: undefined, method: 'EQUAL_INSTALMENT', dayCount: '30/360', startDate: '2027-01-31' };
    const book = open(old);
    expect(book.conventions).toBeUndefined();
    expect(book.lines[0]).toEqual({ number: 1, dueDay: 28, dueDate: '2027-02-28', principal: book.lines[0].principal, days: 28 });
    // After the first line (paid on 28 February) the older rule counts the actual days elapsed over 360:
    // 100,208.55 × 6% × 31 / 360 = 517.74 to 31 March (a 30/360 count of 33 days would give 551.15).
    const { book: fell } = fallDue(book);
    const afterFirst = applyPayment(fell, 28, 'P0', schedule(old).lines[0].payment).book;
    expect(afterFirst.outstanding).toBe('100208.55');
    expect(payoff(afterFirst, 59)).toBe('100726.29');
    expect(paidOnTime(book)).toEqual(schedule(old).lines.map((l) => l.interest));
  });

  it('a payment valued back counts the deferred interest of grace once, as if it had come on its day', () => {
    const terms: LoanTerms = { ...base, grace: { interestPeriods: 2, principalPeriods: 2 } };
    const next = (b: LoanBook) => fallDue(b).book;
    // lines fall due on days 28 and 59; the payment is valued on day 40
    const onTime = next(next(applyPayment(next(open(terms)), 40, 'EARLY', '1000.00').book));
    const late = next(applyBackDated(next(next(open(terms))), 40, 'EARLY', '1000.00').book);
    expect(late.due).toEqual(onTime.due);
    expect(late.deferred).toBe('0.00');
  });

  it('charges 罚息 at the multiple of the contract rate on overdue principal and 复利 on overdue interest', () => {
    const terms: LoanTerms = { ...base, dayCount: 'ACT/360', amortisation: 'BULLET', instalments: 1, maturityDate: '2027-03-02' };
    const book = open(terms, { penaltyMultiple: '1.5', compoundMultiple: '1.2' });
    expect([book.penaltyRate, book.compoundRate]).toEqual(['0.09', '0.072']);
    const fell = fallDue(book).book; // 30 days: interest 120,000 × 6% × 30 / 360 = 600.00
    expect(fell.due).toEqual({ penalty: '0.00', interest: '600.00', principal: '120000.00' });
    // 10 days late: 120,000 × 9% × 10/360 = 300.00 and 600 × 7.2% × 10/360 = 1.20
    expect(payoff(fell, 40)).toBe('120901.20');
  });

  it('without a penalty multiple, keeps penaltyRate on principal and interest', () => {
    const terms: LoanTerms = { ...base, dayCount: 'ACT/360', amortisation: 'BULLET', instalments: 1, maturityDate: '2027-03-02' };
    const fell = fallDue(open(terms)).book;
    // (120,000 + 600) × 9% × 10/360 = 301.50
    expect(payoff(fell, 40)).toBe('120901.50');
  });
});
