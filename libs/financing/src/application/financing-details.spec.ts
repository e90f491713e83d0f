import type { FinancingState } from '../api/financing.contract';
import { openBook } from '../domain/loan-book';
import { schedule } from '../domain/schedule';
import { actualDays } from '../domain/calendar';
import type { FinancingEvent } from '../infrastructure/financing.repository';
import { instalmentsOf, paymentsOf, surplusPayouts } from './financing-details';

const DAY_MS = 1000;
const terms = { annualRate: '0.0435', penaltyRate: '0.0005', dayCount: 'ACT/360' as const, startDate: '2027-01-01' };
const loan = schedule({ ...terms, principal: '200000.00', method: 'EQUAL_PRINCIPAL', instalments: 2 });
const disbursedAt = Date.parse('2026-12-01T00:00:00Z');
const event = (seq: number, step: string, day: number, detail: object): FinancingEvent => ({
  seq,
  step,
  actor: 'system:financing-workflow',
  at: new Date(disbursedAt + day * DAY_MS + 10).toISOString(),
  detail,
});
const allocated = { amount: '0.00', penalty: '0.00', interest: '0.00', principal: '0.00', prepaid: '0.00', surplus: '0.00' };

function stateWith(
  received?: Array<{ reference: string; day: number; penalty: string; interest: string; principal: string }>,
): FinancingState {
  const book = openBook(loan, terms, (d) => actualDays(terms.startDate, d));
  return {
    stage: 'REPAYING',
    approvals: [],
    approvalsNeeded: 1,
    schedule: loan,
    disbursedAt: new Date(disbursedAt).toISOString(),
    book: { ...book, fallenDue: 1, received: received?.map((r) => ({ ...r, amount: '0.00', surplus: '0.00' })) },
  };
}

describe('a financing’s instalments as its detail reads them', () => {
  const first = loan.lines[0];
  const due = event(1, 'instalment.due', 31, { instalment: 1, interest: first.interest, principal: first.principal });

  it('dates a payment by its value date, or before there was one by the loan’s day when it was allocated', () => {
    const paid = event(2, 'payment.allocated', 40, { ...allocated, reference: 'P1', interest: first.interest, principal: first.principal });
    const [undated] = instalmentsOf(stateWith(), [due, paid], '2027-02-09', DAY_MS);
    expect(undated).toMatchObject({ status: 'PAID', paidOn: ['2027-02-10'] });
    const valued = event(2, 'payment.allocated', 40, { ...(paid.detail as object), valueDate: '2027-01-31' });
    expect(instalmentsOf(stateWith(), [due, valued], '2027-02-09', DAY_MS)[0].paidOn).toEqual(['2027-01-31']);
  });

  it('takes what a payment paid from the book when a payment learnt of late re-computed it', () => {
    // allocated with a penalty; a back-dated payment later made it interest and principal only
    const paid = event(2, 'payment.allocated', 40, {
      ...allocated,
      reference: 'P1',
      penalty: '50.00',
      interest: first.interest,
      principal: '99950.00',
    });
    const state = stateWith([{ reference: 'P1', day: 31, penalty: '0.00', interest: first.interest, principal: first.principal }]);
    expect(instalmentsOf(state, [due, paid], '2027-02-09', DAY_MS)[0]).toMatchObject({
      status: 'PAID',
      paid: { penalty: '0.00', principal: first.principal },
    });
  });

  it('tells a surplus owed while the loan runs, and paid out once it closed', () => {
    const state = stateWith();
    state.book!.surplus = '120.00';
    expect(surplusPayouts(state, [], DAY_MS)).toEqual([{ amount: '120.00', status: 'PENDING', paidOn: null }]);
    expect(surplusPayouts(state, [event(9, 'closed', 45, { surplus: '120.00' })], DAY_MS)).toEqual([
      { amount: '120.00', status: 'PAID', paidOn: '2027-02-15' },
    ]);
    expect(surplusPayouts(stateWith(), [], DAY_MS)).toEqual([]);
  });

  it('lists every payment at its value date with what the book now says it paid, and the surplus it left', () => {
    const paid = event(2, 'payment.allocated', 40, {
      ...allocated,
      reference: 'P1',
      amount: '100500.00',
      penalty: '50.00',
      interest: first.interest,
      principal: '99950.00',
    });
    const valued = event(3, 'payment.allocated', 41, {
      ...allocated,
      reference: 'P2',
      amount: '10.00',
      surplus: '10.00',
      valueDate: '2027-02-01',
    });
    const state = stateWith([{ reference: 'P1', day: 31, penalty: '0.00', interest: first.interest, principal: first.principal }]);
    expect(paymentsOf(state, [due, paid, valued], DAY_MS)).toEqual([
      {
        reference: 'P1',
        valueDate: '2027-02-10',
        amount: '100500.00',
        penalty: '0.00',
        interest: first.interest,
        principal: first.principal,
        surplus: '0.00',
      },
      { reference: 'P2', valueDate: '2027-02-01', amount: '10.00', penalty: '0.00', interest: '0.00', principal: '0.00', surplus: '10.00' },
    ]);
    expect(paymentsOf(null, [paid], DAY_MS)).toEqual([]);
  });
});
