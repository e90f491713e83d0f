import { LoanTerms, productTerms } from './schedule-terms';

const terms: LoanTerms = {
  principal: '100000.00',
  annualRate: '0.06',
  dayCount: 'ACT/365F',
  amortisation: 'EQUAL_INSTALMENT',
  startDate: '2026-03-10',
  instalments: 12,
};

const codes = (t: Partial<LoanTerms>, bounds = {}) =>
  productTerms({ ...terms, ...t }, bounds).map((e) => [e.code, (e as { field?: string }).field]);

describe('productTerms', () => {
  it('accepts sound terms, old and new names alike', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ amortisation: undefined, method: 'EQUAL_PRINCIPAL', dayCount: 'ACT/365' })).toEqual([]);
  });

  it.each([
    [{ annualRate: '0.02' }, 'FINANCING.RATE_OUT_OF_BOUNDS', 'annualRate'],
    [{ annualRate: '0.20' }, 'FINANCING.RATE_OUT_OF_BOUNDS', 'annualRate'],
  ])('holds the rate within the bank’s bounds: %p', (t, code, field) => {
    expect(codes(t, { minRate: '0.03', maxRate: '0.15' })).toEqual([[code, field]]);
  });

  it.each([
    [{ amortisation: 'FIXED_PRINCIPAL_PERCENT' }, 'FINANCING.CONVENTIONS_CLASH', 'principalPercent'],
    [{ amortisation: 'FIXED_PRINCIPAL_PERCENT', principalPercent: '1.2' }, 'FINANCING.CONVENTIONS_CLASH', 'principalPercent'],
    [
      { amortisation: 'INTEREST_ONLY', interestSettlement: { frequency: 'QUARTERLY', day: 20 } },
      'FINANCING.CONVENTIONS_CLASH',
      'maturityDate',
    ],
    [{ repaymentDay: 32 }, 'FINANCING.INVALID_TERMS', 'repaymentDay'],
    [{ repaymentDay: 5, firstDueDate: '2026-04-05' }, 'FINANCING.CONVENTIONS_CLASH', 'repaymentDay'],
    [{ grace: { principalPeriods: 12 } }, 'FINANCING.CONVENTIONS_CLASH', 'grace'],
    [{ fees: [{ kind: 'UPFRONT', rate: '0.01', amount: '100' }] }, 'FINANCING.CONVENTIONS_CLASH', 'fees.0'],
    [{ dayCount: 'ACT/999' }, 'FINANCING.INVALID_TERMS', 'dayCount'],
    [{ penaltyMultiple: '-1.5' }, 'FINANCING.INVALID_TERMS', 'penaltyMultiple'],
    [{ dayCount: 'PERIODIC-12', repaymentFrequency: 'WEEKLY' }, 'FINANCING.CONVENTIONS_CLASH', 'dayCount'],
  ])('refuses %p with a stable code naming the field', (t, code, field) => {
    expect(codes(t as Partial<LoanTerms>)).toEqual([[code, field]]);
  });
});
