import { ApprovalTier, DEFAULT_TIERS } from '../domain/approval';
import { Component, DayCount, DEFAULT_ALLOCATION_ORDER } from '../domain/schedule';
import type { RateBounds } from '../domain/schedule-terms';
import type { ProductConventions, RepaymentOptions } from '../domain/products';
import type { Deadlines, Product } from '../api/financing.contract';

/** A bank's product: its price, how it counts, what the SME may choose, and the bounds its rate stays in. */
export interface Pricing extends ProductConventions {
  annualRate: string;
  penaltyRate: string;
  upfrontFeeRate: string;
  dayCount: DayCount;
  /** Days after a due date before penalty interest runs. */
  graceDays: number;
  /** What an SME may choose when it applies (products that let it choose its repayment). */
  options?: RepaymentOptions;
  bounds?: RateBounds;
}

/** A product's terms as a financing takes them: what the SME may choose and the bounds stay with the product. */
export function termsOfProduct(pricing: Pricing): Omit<Pricing, 'options' | 'bounds'> {
  const { options, bounds, ...terms } = pricing;
  return terms;
}

/** A bank's rules for financings addressed to it: authority matrix, deadlines, ratios, pricing. */
export interface FinancingPolicy {
  tiers: ApprovalTier[];
  deadlines: Deadlines;
  maxAdvanceRate: string;
  maxLtv: string;
  /** Above this loan-to-value a warehouse-receipt loan gets a margin call. */
  maintenanceLtv: string;
  /** The order a payment pays what is due in. */
  allocationOrder?: Component[];
  pricing: Record<Product, Pricing>;
}

export const DEFAULT_POLICY: FinancingPolicy = {
  tiers: DEFAULT_TIERS,
  deadlines: { counterparty: 5, recommendation: 3, approval: 3, acceptance: 5, repaymentReminder: 5, marginCure: 5 },
  maxAdvanceRate: '0.8',
  maxLtv: '0.7',
  maintenanceLtv: '0.8',
  allocationOrder: [...DEFAULT_ALLOCATION_ORDER],
  pricing: {
    RECEIVABLE_FINANCING: { annualRate: '0.0435', penaltyRate: '0.0653', upfrontFeeRate: '0.001', dayCount: 'ACT/360', graceDays: 3 },
    WAREHOUSE_RECEIPT_LOAN: { annualRate: '0.052', penaltyRate: '0.078', upfrontFeeRate: '0.002', dayCount: 'ACT/365', graceDays: 3 },
  },
};

/** A policy as a bank adopted it: numbered, in force from a time, proposed and approved by two people. */
export interface PolicyVersion extends FinancingPolicy {
  /** 0 for the platform's default, which applies until a bank adopts a policy of its own. */
  version: number;
  effectiveFrom: string | null;
  proposedBy: string;
  approvedBy: string;
}

export const DEFAULT_VERSION: PolicyVersion = {
  ...DEFAULT_POLICY,
  version: 0,
  effectiveFrom: null,
  proposedBy: 'platform default',
  approvedBy: 'platform default',
};
