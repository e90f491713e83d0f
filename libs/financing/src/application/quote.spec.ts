import { Quote, quoteRefusal } from './quote';

const quote: Quote = {
  quoteId: 'q-1',
  smeId: 'sme',
  bankId: 'bank-a',
  product: 'WAREHOUSE_RECEIPT_LOAN',
  assetId: 'receipt-1',
  amount: '300000.00',
  currency: 'CNY',
  maxAmount: '420000.00',
  policyVersion: 3,
  terms: {
    annualRate: '0.0520',
    penaltyRate: '0.0780',
    graceDays: 3,
    dayCount: 'ACT/365',
    method: 'EQUAL_PRINCIPAL',
    instalments: 2,
    upfrontFeeRate: '0.0020',
    maxFinancingRatio: '0.7000',
  },
  tiers: [{ upTo: null, approvals: 1 }],
  deadlines: { counterparty: 5, recommendation: 5, approval: 5, acceptance: 5, repaymentReminder: 3 },
  startDate: '2026-12-02',
  schedule: { currency: 'CNY', lines: [], fee: '600.00', totalPrincipal: '300000.00', totalInterest: '0.00', totalPayable: '300600.00' },
  validThrough: '2026-12-04',
  financingId: null,
};
const application = { product: quote.product, assetId: quote.assetId, bankId: quote.bankId, amount: '300000' };
const code = (e: ReturnType<typeof quoteRefusal>) => e && { code: e.code, field: e.field };

describe('quoteRefusal', () => {
  it('lets the application that was quoted use it through the last valid business date', () => {
    expect(quoteRefusal(quote, application, '2026-12-02')).toBeNull();
    expect(quoteRefusal(quote, { ...application, method: 'EQUAL_PRINCIPAL', instalments: 2 }, '2026-12-04')).toBeNull();
  });

  it('refuses it the business day after', () => {
    expect(code(quoteRefusal(quote, application, '2026-12-05'))).toEqual({ code: 'FINANCING.QUOTE_EXPIRED', field: 'quoteId' });
  });

  it('refuses a quote applied with already', () => {
    expect(code(quoteRefusal({ ...quote, financingId: 'f-1' }, application, '2026-12-02'))).toEqual({
      code: 'FINANCING.QUOTE_USED',
      field: 'quoteId',
    });
  });

  it('names what differs from what was priced: another bank, asset, amount or repayment', () => {
    const refusal = (change: object) => code(quoteRefusal(quote, { ...application, ...change }, '2026-12-02'));
    expect(refusal({ bankId: 'bank-b' })).toEqual({ code: 'FINANCING.QUOTE_MISMATCH', field: 'bankId' });
    expect(refusal({ assetId: 'receipt-2' })).toEqual({ code: 'FINANCING.QUOTE_MISMATCH', field: 'assetId' });
    expect(refusal({ amount: '300000.01' })).toEqual({ code: 'FINANCING.QUOTE_MISMATCH', field: 'amount' });
    expect(refusal({ product: 'RECEIVABLE_FINANCING' })).toEqual({ code: 'FINANCING.QUOTE_MISMATCH', field: 'product' });
    expect(refusal({ instalments: 3 })).toEqual({ code: 'FINANCING.QUOTE_MISMATCH', field: 'instalments' });
    expect(refusal({ method: 'BULLET' })).toEqual({ code: 'FINANCING.QUOTE_MISMATCH', field: 'method' });
  });
});
