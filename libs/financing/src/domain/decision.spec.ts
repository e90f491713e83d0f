import { Money } from '@caravan/money';
import { daysPastDue, limitBeforeAfter, limitSubjectsOf, loanToValue, worstBucket } from './decision';

describe('the decision page’s figures', () => {
  it('gives the loan-to-value to four decimals, half-up, and none without collateral', () => {
    expect(loanToValue(Money.of('400000.00'), Money.of('690497.50'))).toBe('0.5793');
    expect(loanToValue(Money.of('1.00'), Money.of('3.00'))).toBe('0.3333');
    expect(loanToValue(Money.of('2.00'), Money.of('3.00'))).toBe('0.6667');
    expect(loanToValue(Money.of('1.00'), Money.zero())).toBeNull();
  });

  it('adds the amount to a limit not yet reserved, and counts a reservation once', () => {
    const amount = Money.of('600000.00');
    const fresh = limitBeforeAfter(Money.of('1000000.00'), amount, { reserved: false, held: Money.zero() });
    expect([fresh.before.toString(), fresh.after.toString(), fresh.reserved]).toEqual(['1000000.00', '1600000.00', false]);
    // reserved, then 100,000 of principal repaid: the limit holds 500,000 of it
    const held = limitBeforeAfter(Money.of('1500000.00'), amount, { reserved: true, held: Money.of('500000.00') });
    expect([held.before.toString(), held.after.toString(), held.reserved]).toEqual(['1000000.00', '1500000.00', true]);
  });

  it('names the limits as the application reserves them: the SME and the buyer, or the SME and the commodity', () => {
    expect(limitSubjectsOf({ assetType: 'RECEIVABLE', debtorId: 'buyer' }, 'sme')).toEqual([
      { kind: 'SME', subject: 'sme' },
      { kind: 'CORE_ENTERPRISE', subject: 'buyer' },
    ]);
    expect(limitSubjectsOf({ assetType: 'WAREHOUSE_RECEIPT', commodityCode: 'COAL-5500' }, 'sme')[1]).toEqual({
      kind: 'COMMODITY_CONCENTRATION',
      subject: 'COAL-5500',
    });
  });

  it('finds the worst ageing bucket and the days past due now', () => {
    expect(worstBucket(['CURRENT', '31-60', '1-30'])).toBe('31-60');
    expect(worstBucket([])).toBeNull();
    const disbursedAt = new Date(0).toISOString();
    expect(daysPastDue({ overdueSince: 10, disbursedAt }, 15 * 1000 + 999, 1000)).toBe(5);
    expect(daysPastDue({ overdueSince: null, disbursedAt }, 15 * 1000, 1000)).toBe(0);
  });
});
