import { instalments, LoanPosition, RepaymentFact } from './instalment-status';
import type { ScheduleLine } from './schedule';

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
const firstDue: RepaymentFact = { kind: 'due', instalment: 1, interest: '3625.00', principal: '500000.00' };
const paid = (date: string, interest: string, principal: string, more: { penalty?: string; prepaid?: string } = {}): RepaymentFact => ({
  kind: 'paid',
  date,
  penalty: more.penalty ?? '0.00',
  interest,
  principal,
  prepaid: more.prepaid ?? '0.00',
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
    const facts = [firstDue, paid('2027-02-03', '3625.00', '200000.00', { penalty: '120.00' }), paid('2027-02-05', '0.00', '300000.00')];
    const [first, second] = instalments(LINES, facts, at('2027-02-05', 1));
    expect(first).toMatchObject({
      status: 'PAID',
      paid: { principal: '500000.00', interest: '3625.00', penalty: '120.00' },
      paidOn: ['2027-02-03', '2027-02-05'],
    });
    expect(second).toMatchObject({ status: 'UPCOMING', paidOn: [] });
  });

  it('takes principal paid before it fell due off the last instalments first, as the book does, and their interest with it', () => {
    const facts: RepaymentFact[] = [
      paid('2027-01-10', '0.00', '600000.00', { prepaid: '600000.00' }),
      { kind: 'due', instalment: 1, interest: '3625.00', principal: '400000.00' },
    ];
    const [first, second] = instalments(LINES, facts, at('2027-01-31', 1));
    expect(second).toMatchObject({ status: 'PAID', due: { interest: '0.00' }, paid: { principal: '500000.00' } });
    expect(first).toMatchObject({
      status: 'PARTLY_PAID',
      due: { principal: '500000.00', interest: '3625.00' },
      paid: { principal: '100000.00' },
    });
  });

  it('are all paid once the loan is settled early, the running interest to the instalment it accrued in', () => {
    const all = instalments(LINES, [paid('2027-01-20', '2338.71', '1000000.00', { prepaid: '1000000.00' })], at('2027-01-20', 2, true));
    expect(all.map((i) => i.status)).toEqual(['PAID', 'PAID']);
    expect(all[0].paid).toEqual({ principal: '500000.00', interest: '2338.71', penalty: '0.00' });
    expect(all[1].paid.principal).toBe('500000.00');
  });

  it('asks less interest of a later period after a part prepayment', () => {
    const [, second] = instalments(LINES, [paid('2027-01-10', '0.00', '100000.00', { prepaid: '100000.00' })], at('2027-01-10'));
    expect(second).toMatchObject({ status: 'PARTLY_PAID', due: { principal: '500000.00', interest: '1353.34' } });
  });

  it('puts a penalty on the oldest instalment still open', () => {
    const facts = [
      firstDue,
      { kind: 'due', instalment: 2, interest: '1691.67', principal: '500000.00' } as RepaymentFact,
      paid('2027-03-02', '5316.67', '500000.00', { penalty: '800.00' }),
    ];
    const [first, second] = instalments(LINES, facts, at('2027-03-02', 2));
    expect(first).toMatchObject({ status: 'PAID', paid: { penalty: '800.00' } });
    expect(second).toMatchObject({ status: 'OVERDUE', paid: { interest: '1691.67', principal: '0.00', penalty: '0.00' } });
  });
});
