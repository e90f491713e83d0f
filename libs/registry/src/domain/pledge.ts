/** What can back a financing. */
export enum AssetType {
  RECEIVABLE = 'RECEIVABLE',
  WAREHOUSE_RECEIPT = 'WAREHOUSE_RECEIPT',
}

export enum PledgeStatus {
  LIVE = 'LIVE',
  DISCHARGED = 'DISCHARGED',
}

export interface Pledge {
  id: string;
  assetType: AssetType;
  assetId: string;
  /** The bank the asset is pledged to. */
  pledgeeId: string;
  /** The owner who pledged it (the SME). */
  pledgorId: string;
  /** The financing it backs (its business key). */
  financingRef: string;
  status: PledgeStatus;
  pledgedAt: Date;
  dischargedAt: Date | null;
}
