import { Dec, Money, ROUNDING } from '@caravan/money';
import type { AgeingBucket } from './loan-book';

// What a bank's decision page computes from the figures the other contexts give: pure.

/** Whose limits a financing counts against; the application and the decision page read the same list. */
export function limitSubjectsOf(
  asset: { assetType: 'RECEIVABLE'; debtorId: string } | { assetType: 'WAREHOUSE_RECEIPT'; commodityCode: string },
  smeId: string,
): Array<{ kind: string; subject: string }> {
  return [
    { kind: 'SME', subject: smeId },
    asset.assetType === 'RECEIVABLE'
      ? { kind: 'CORE_ENTERPRISE', subject: asset.debtorId }
      : { kind: 'COMMODITY_CONCENTRATION', subject: asset.commodityCode },
  ];
}

/** Loan-to-value: the amount over the collateral value, four decimals half-up; null without collateral value. */
export function loanToValue(amount: Money, collateral: Money): string | null {
  if (!collateral.isPositive()) return null;
  return new Dec(amount.toString()).dividedBy(collateral.toString()).toDecimalPlaces(4, ROUNDING).toFixed(4);
}

/**
 * A limit before and after this financing. Before the financing reserves (at disbursement), the
 * limit's utilisation does not hold it: after = before + amount. Once reserved, the utilisation
 * holds what the reservation still holds (the amount, less principal repaid): before = utilised
 * less that, after = utilised.
 */
export function limitBeforeAfter(
  utilised: Money,
  amount: Money,
  reservation: { reserved: boolean; held: Money },
): { before: Money; after: Money; reserved: boolean } {
  if (reservation.reserved) return { before: utilised.minus(reservation.held), after: utilised, reserved: true };
  return { before: utilised, after: utilised.plus(amount), reserved: false };
}

const BUCKETS: AgeingBucket[] = ['CURRENT', '1-30', '31-60', '61-90', '90+'];

/** The worst of these ageing buckets; null when there are none. */
export function worstBucket(buckets: Array<string | null | undefined>): AgeingBucket | null {
  const ranks = buckets.map((b) => BUCKETS.indexOf(b as AgeingBucket)).filter((i) => i >= 0);
  return ranks.length ? BUCKETS[Math.max(...ranks)] : null;
}

/** Days past due of a repaying loan now: whole business days since its oldest unpaid due amount fell overdue. */
export function daysPastDue(loan: { overdueSince: number | null; disbursedAt: string | null }, now: number, dayMs: number): number {
  if (loan.overdueSince === null || !loan.disbursedAt) return 0;
  const day = Math.floor((now - Date.parse(loan.disbursedAt)) / dayMs);
  return Math.max(0, day - loan.overdueSince);
}
