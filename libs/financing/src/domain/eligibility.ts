import type { Money } from '@caravan/money';
import { FinancingErrors } from './financing.errors';

// The one rule of what an asset can back, shared by the trial and application (which refuse
// with a coded error) and the workflow's eligibility step (which records a reason): the asset
// in the state that may be financed, and the amount within its share of the asset's worth.

/** What the rule needs to know of an asset: its state, and what it is worth to a lender. */
export type AssetFacts =
  | { assetType: 'RECEIVABLE'; status: string; worth: Money } // the eligible amount (face value less dilutions)
  | { assetType: 'WAREHOUSE_RECEIPT'; status: string; worth: Money }; // the collateral value today, after haircut

const FINANCEABLE: Record<AssetFacts['assetType'], string> = { RECEIVABLE: 'CONFIRMED', WAREHOUSE_RECEIPT: 'ISSUED' };
const RATIO_NAME: Record<AssetFacts['assetType'], string> = { RECEIVABLE: 'advance rate', WAREHOUSE_RECEIPT: 'LTV' };

export type Eligibility =
  | { eligible: true; cap: Money }
  | {
      eligible: false;
      code: typeof FinancingErrors.ASSET_NOT_ELIGIBLE.code | typeof FinancingErrors.ABOVE_MAXIMUM.code;
      reason: string;
      cap?: Money;
    };

/** The most `ratio` of the asset lends (`cap`), and whether `amount` fits it; `asset` undefined: it is gone. */
export function eligibility(asset: AssetFacts | undefined, assetType: AssetFacts['assetType'], ratio: string, amount?: Money): Eligibility {
  const wanted = FINANCEABLE[assetType];
  const noun = assetType === 'RECEIVABLE' ? 'receivable' : 'receipt';
  if (!asset || asset.status !== wanted)
    return {
      eligible: false,
      code: FinancingErrors.ASSET_NOT_ELIGIBLE.code,
      reason: `the ${noun} is ${asset?.status ?? 'missing'}; it must be ${wanted}`,
    };
  const cap = asset.worth.times(ratio);
  if (amount && amount.compare(cap) > 0) {
    return {
      eligible: false,
      code: FinancingErrors.ABOVE_MAXIMUM.code,
      reason: `at most ${cap.toString()} can be financed against this asset (${RATIO_NAME[assetType]} ${ratio})`,
      cap,
    };
  }
  return { eligible: true, cap };
}
