import { instalments, LoanPosition, RepaymentFact } from './instalment-status';
import { Money } from '@caravan/money';
import { actualDays, addDays } from './calendar';
import { openBook, settled } from './loan-book';
import { instalmentFallsDue, paymentArrives } from './repayment';
import { schedule, ScheduleLine } from './schedule';

const line = (number: number, dueDate: string, principal: string, interest: string, openingPrincipal: string): ScheduleLine => ({
  number,
  dueDate,
  days: 30,
  openingPrincipal,
  principal,
  interest,
  payment: '0.00',
  closingPrincipal: '0.00',
});
const LINES = [line(1, '2027-01-31', '500000.00', '3625.00', '1000000.00'), line(2, '2027-02-28', '500000.00', '1691.67', '500000.00')];
const at = (today: string, fallenDue = 0, settled = false): LoanPosition => ({ currency: 'CNY', fallenDue, settled, today });
const firstDue: RepaymentFact = { kind: 'due', instalment: 1, interest: '3625.00' };
const paid = (date: string, interest: string, principal: string, penalty = '0.00'): RepaymentFact => ({
  kind: 'paid',
  date,
  penalty,
  interest,
  principal,
});

describe('instalments', () => {
  it('are upcoming before their date, due on it once fallen due, overdue after it while unpaid', () => {
    expect(instalments(LINES, [], at('2027-01-15')).map((i) => i.status)).toEqual(['UPCOMING', 'UPCOMING']);
    expect(instalments(LINES, [firstDue], at('2027-01-31', 1)).map((i) => i.status)).toEqual(['DUE', 'UPCOMING']);
    expect(instalments(LINES, [firstDue], at('2027-02-01', 1)).map((i) => i.status)).toEqual(['OVERDUE', 'UPCOMING']);
  });

  it('is partly paid by a payment short of it, with what was paid and when', () => {
    const [first] = instalments(LINES, [firstDue, paid('2027-01-31', '3625.00', '100000.00')], at('2027-01-31', 1));
    expect(first).toMatchObject({
      status: 'PARTLY_PAID',
      paid: { principal: '100000.00', interest: '3625.00', penalty: '0.00' },
      paidOn: ['2027-01-31'],
    });
  });

  it('is paid once its interest and principal are, a late one with its penalty and both dates', () => {
    const facts = [firstDue, paid('2027-02-03', '3625.00', '200000.00', '120.00'), paid('2027-02-05', '0.00', '300000.00')];
    const [first, second] = instalments(LINES, facts, at('2027-02-05', 1));
    expect(first).toMatchObject({
      status: 'PAID',
      paid: { principal: '500000.00', interest: '3625.00', penalty: '120.00' },
      paidOn: ['2027-02-03', '2027-02-05'],
    });
    expect(second).toMatchObject({ status: 'UPCOMING', paidOn: [] });
  });

  it('takes principal paid before it fell due off the last instalments first, as the book does, and their interest with it', () => {
    const facts: RepaymentFact[] = [paid('2027-01-10', '0.00', '600000.00'), { kind: 'due', instalment: 1, interest: '3625.00' }];
    const [first, second] = instalments(LINES, facts, at('2027-01-31', 1));
    expect(second).toMatchObject({ status: 'PAID', due: { interest: '0.00' }, paid: { principal: '500000.00' } });
    expect(first).toMatchObject({
      status: 'PARTLY_PAID',
      due: { principal: '500000.00', interest: '3625.00' },
      paid: { principal: '100000.00' },
    });
  });

  it('are all paid once the loan is settled early, the running interest to the instalment it accrued in', () => {
    const all = instalments(LINES, [paid('2027-01-20', '2338.71', '1000000.00')], at('2027-01-20', 2, true));
    expect(all.map((i) => i.status)).toEqual(['PAID', 'PAID']);
    expect(all[0].paid).toEqual({ principal: '500000.00', interest: '2338.71', penalty: '0.00' });
    expect(all[1].paid.principal).toBe('500000.00');
    // only the interest to date was owed: what each instalment asked is what it was paid
    expect(all.map((i) => i.due.interest)).toEqual(['2338.71', '0.00']);
  });

  it('asks less interest of a later period after a part prepayment', () => {
    const [, second] = instalments(LINES, [paid('2027-01-10', '0.00', '100000.00')], at('2027-01-10'));
    expect(second).toMatchObject({ status: 'PARTLY_PAID', due: { principal: '500000.00', interest: '1353.34' } });
  });

  it('takes a payment learnt of late at its value date, before an instalment that fell due after it', () => {
    const facts = [firstDue, paid('2027-01-20', '0.00', '500000.00'), { kind: 'due', instalment: 2, interest: '1691.67' } as RepaymentFact];
    const [first, second] = instalments(LINES, facts.reverse(), at('2027-02-28', 2));
    expect(first).toMatchObject({ status: 'OVERDUE', paid: { principal: '0.00' } });
    expect(second).toMatchObject({ status: 'PARTLY_PAID', paid: { principal: '500000.00' }, paidOn: ['2027-01-20'] });
  });

  it('puts a penalty on the oldest instalment still open', () => {
    const facts = [
      firstDue,
      { kind: 'due', instalment: 2, interest: '1691.67' } as RepaymentFact,
      paid('2027-03-02', '5316.67', '500000.00', '800.00'),
    ];
    const [first, second] = instalments(LINES, facts, at('2027-03-02', 2));
    expect(first).toMatchObject({ status: 'PAID', paid: { penalty: '800.00' } });
    expect(second).toMatchObject({ status: 'OVERDUE', paid: { interest: '1691.67', principal: '0.00', penalty: '0.00' } });
  });
});

describe('instalments beside the book', () => {
  const terms = { annualRate: '0.0435', penaltyRate: '0.0005', dayCount: 'ACT/360' as const, startDate: '2027-01-01' };
  const loan = schedule({ ...terms, principal: '300000.00', method: 'EQUAL_PRINCIPAL', instalments: 3 });
  const dayOf = (date: string) => actualDays(terms.startDate, date);
  const dateOf = (day: number) => addDays(terms.startDate, day);

  /** Runs the loan through the repayment reducer, collecting the timeline's facts as the workflow records them. */
  function run(events: Array<{ day: number; pay?: string }>) {
    let book = openBook(loan, terms, dayOf);
    const facts: RepaymentFact[] = [];
    for (const e of events) {
      while (book.fallenDue < book.lines.length && book.lines[book.fallenDue].dueDay <= e.day) {
        const step = instalmentFallsDue(book, 'WR-1');
        const detail = step.effects.find((x) => x.kind === 'record')!.detail as { instalment: number; interest: string };
        facts.push({ kind: 'due', instalment: detail.instalment, interest: detail.interest });
        book = step.book;
      }
      if (!e.pay) continue;
      const step = paymentArrives(book, 'WR-1', e.day, dateOf(e.day), { reference: `P${facts.length}`, amount: e.pay });
      facts.push({ kind: 'paid', date: dateOf(e.day), ...step.allocation! });
      book = step.book;
    }
    return { book, facts };
  }

  it('pays each instalment as the book does, and what they were paid adds up to what the payments paid', () => {
    const [l1, l2] = loan.lines;
    const { book, facts } = run([
      { day: l1.days, pay: l1.payment },
      { day: dayOf(l2.dueDate) + 5 },
      { day: dayOf(l2.dueDate) + 5, pay: '50000.00' },
    ]);
    const all = instalments(loan.lines, facts, {
      currency: 'CNY',
      fallenDue: book.fallenDue,
      settled: settled(book),
      today: dateOf(dayOf(l2.dueDate) + 5),
    });
    expect(all.map((i) => i.status)).toEqual(['PAID', 'OVERDUE', 'UPCOMING']);
    expect(all[0].paid).toEqual({ principal: l1.principal, interest: l1.interest, penalty: '0.00' });
    expect(all[1].paid.penalty).not.toBe('0.00');
    const sum = (pick: (i: (typeof all)[number]) => string) => all.reduce((t, i) => t.plus(Money.of(pick(i))), Money.zero()).toString();
    const paidFacts = facts.filter((f) => f.kind === 'paid');
    const total = (k: 'principal' | 'interest' | 'penalty') => paidFacts.reduce((t, f) => t.plus(Money.of(f[k])), Money.zero()).toString();
    expect(sum((i) => i.paid.principal)).toBe(total('principal'));
    expect(sum((i) => i.paid.interest)).toBe(total('interest'));
    expect(sum((i) => i.paid.penalty)).toBe(total('penalty'));
    expect(
      Money.of(sum((i) => i.paid.principal))
        .plus(Money.of(book.outstanding))
        .toString(),
    ).toBe('300000.00');
  });
});
