import { Money } from '../../../money/src/money';

// The bank's authority matrix, pure: amount tiers → how many approvals count; an approval
// counts only from a checker other than the maker, once, and within the checker's authority.

export interface ApprovalTier {
  /** Inclusive upper bound of the tier; null for "above every other tier". */
  upTo: string | null;
  /** Approvals needed; 0 lets the system approve (straight-through) without a person. */
  approvals: number;
}

export const DEFAULT_TIERS: ApprovalTier[] = [
  { upTo: '1000000.00', approvals: 1 },
  { upTo: null, approvals: 2 },
];

export interface Recommendation {
  by: string;
  at: string;
  comment?: string;
}

export interface Approval {
  by: string;
  /** The approver's authority when they approved, CNY. */
  authority: string;
  at: string;
  comment?: string;
  /** False when it does not count (above authority); kept for the timeline anyway. */
  counts: boolean;
}

export function approvalsNeeded(amount: string, tiers: ApprovalTier[]): number {
  const a = Money.of(amount);
  const tier = tiers.find((t) => t.upTo === null || a.compare(Money.of(t.upTo)) <= 0);
  return tier ? tier.approvals : Math.max(...tiers.map((t) => t.approvals));
}

export type ApprovalRefusal =
  | 'FINANCING.NOT_RECOMMENDED'
  | 'FINANCING.OWN_RECOMMENDATION'
  | 'FINANCING.ALREADY_APPROVED_BY_YOU';

/** Why this person may not approve now, or undefined: the validator's immediate answer. */
export function approvalRefusal(by: string, recommendation: Recommendation | undefined, approvals: Approval[]): ApprovalRefusal | undefined {
  if (!recommendation) return 'FINANCING.NOT_RECOMMENDED';
  if (recommendation.by === by) return 'FINANCING.OWN_RECOMMENDATION';
  if (approvals.some((a) => a.by === by)) return 'FINANCING.ALREADY_APPROVED_BY_YOU';
  return undefined;
}

/** Whether an approval by someone with this authority counts for this amount. */
export function withinAuthority(amount: string, authority: string): boolean {
  return Money.of(authority).compare(Money.of(amount)) >= 0;
}

export function approved(amount: string, tiers: ApprovalTier[], approvals: Approval[]): boolean {
  return approvals.filter((a) => a.counts).length >= approvalsNeeded(amount, tiers);
}
