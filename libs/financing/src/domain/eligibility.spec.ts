import { Money } from '@caravan/money';
import { eligibility } from './eligibility';

describe('what an asset can back', () => {
  const receivable = { assetType: 'RECEIVABLE' as const, status: 'CONFIRMED', worth: Money.of('1000000.00') };
  const receipt = { assetType: 'WAREHOUSE_RECEIPT' as const, status: 'ISSUED', worth: Money.of('5000000.00') };

  it('lends up to the ratio of what the asset is worth', () => {
    expect(eligibility(receivable, 'RECEIVABLE', '0.8', Money.of('800000.00'))).toEqual({ eligible: true, cap: Money.of('800000.00') });
    expect(eligibility(receipt, 'WAREHOUSE_RECEIPT', '0.7')).toEqual({ eligible: true, cap: Money.of('3500000.00') });
  });

  it('refuses a fen above the cap, naming it', () => {
    const verdict = eligibility(receivable, 'RECEIVABLE', '0.8', Money.of('800000.01'));
    expect(verdict).toMatchObject({
      eligible: false,
      code: 'FINANCING.ABOVE_MAXIMUM',
      reason: 'at most 800000.00 can be financed against this asset (advance rate 0.8)',
    });
  });

  it('refuses an asset not in the state that may be financed, or gone', () => {
    expect(eligibility({ ...receivable, status: 'SUBMITTED' }, 'RECEIVABLE', '0.8')).toMatchObject({
      code: 'FINANCING.ASSET_NOT_ELIGIBLE',
      reason: 'the receivable is SUBMITTED; it must be CONFIRMED',
    });
    expect(eligibility({ ...receipt, status: 'PLEDGED' }, 'WAREHOUSE_RECEIPT', '0.7')).toMatchObject({
      code: 'FINANCING.ASSET_NOT_ELIGIBLE',
      reason: 'the receipt is PLEDGED; it must be ISSUED',
    });
    expect(eligibility(undefined, 'RECEIVABLE', '0.8')).toMatchObject({
      code: 'FINANCING.ASSET_NOT_ELIGIBLE',
      reason: 'the receivable is missing; it must be CONFIRMED',
    });
  });
});
