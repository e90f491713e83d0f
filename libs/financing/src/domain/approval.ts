import { Money } from '@caravan/money';
import type { DomainError } from '@caravan/errors';
import { FinancingErrors } from './financing.errors';

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

/**
 * Tiers a bank may adopt: at least one, each asking 1 to 5 approvals (no amount goes through
 * without a checker), bounded and ascending but the last, which takes every larger amount.
 * PostgreSQL checks the same of every stored policy (financing_tiers_sound).
 */
export function assertSoundTiers(tiers: ApprovalTier[]): void {
  const refuse = (message: string) => {
    throw FinancingErrors.UNSOUND_TIERS(message, 'tiers');
  };
  if (tiers.length === 0) refuse('at least one tier is needed');
  if (tiers.some((t) => !Number.isInteger(t.approvals) || t.approvals < 1 || t.approvals > 5)) refuse('every tier needs 1 to 5 approvals');
  if (tiers.at(-1)!.upTo !== null) refuse('the last tier has no upper bound (upTo null): it takes every larger amount');
  const bounds = tiers.slice(0, -1).map((t) => t.upTo);
  if (bounds.some((b) => b === null)) refuse('only the last tier is unbounded');
  for (let i = 1; i < bounds.length; i++)
    if (Money.of(bounds[i]!).compare(Money.of(bounds[i - 1]!)) <= 0) refuse('tier bounds must ascend');
}

export function approvalsNeeded(amount: string, tiers: ApprovalTier[]): number {
  const a = Money.of(amount);
  const tier = tiers.find((t) => t.upTo === null || a.compare(Money.of(t.upTo)) <= 0);
  // no tier fits only unsound tiers (none stored since four eyes): the strictest, never fewer than one
  return tier ? tier.approvals : Math.max(1, ...tiers.map((t) => t.approvals));
}

export type ApprovalRefusal = 'FINANCING.NOT_RECOMMENDED' | 'FINANCING.OWN_RECOMMENDATION' | 'FINANCING.ALREADY_APPROVED_BY_YOU';

/** Why this person may not approve now, or undefined: the validator's immediate answer. */
export function approvalRefusal(
  by: string,
  recommendation: Recommendation | undefined,
  approvals: Approval[],
): ApprovalRefusal | undefined {
  if (!recommendation) return 'FINANCING.NOT_RECOMMENDED';
  if (recommendation.by === by) return 'FINANCING.OWN_RECOMMENDATION';
  if (approvals.some((a) => a.by === by)) return 'FINANCING.ALREADY_APPROVED_BY_YOU';
  return undefined;
}

const REFUSED: Record<ApprovalRefusal, () => DomainError> = {
  'FINANCING.NOT_RECOMMENDED': () => FinancingErrors.NOT_RECOMMENDED('the credit officer has not recommended this financing yet'),
  'FINANCING.OWN_RECOMMENDATION': () => FinancingErrors.OWN_RECOMMENDATION('nobody approves their own recommendation'),
  'FINANCING.ALREADY_APPROVED_BY_YOU': () => FinancingErrors.ALREADY_APPROVED_BY_YOU('you have already approved this financing'),
};

/** The refusal an approval meets, as the approver hears it. */
export function approvalRefused(refusal: ApprovalRefusal): DomainError {
  return REFUSED[refusal]();
}

/** Whether an approval by someone with this authority counts for this amount. */
export function withinAuthority(amount: string, authority: string): boolean {
  return Money.of(authority).compare(Money.of(amount)) >= 0;
}

/**
 * Whether this approver's approval would count now, and if not why: refused outright (not
 * recommended, their own recommendation, approved already), or taken but not counted (above
 * their authority). The portal shows it; the workflow applies the same two rules.
 */
export function approvalOutlook(
  by: string,
  amount: string,
  authority: string,
  recommendation: Recommendation | undefined,
  approvals: Approval[],
): { counts: boolean; reason: ApprovalRefusal | 'FINANCING.ABOVE_AUTHORITY' | null } {
  const refusal = approvalRefusal(by, recommendation, approvals);
  if (refusal) return { counts: false, reason: refusal };
  return withinAuthority(amount, authority) ? { counts: true, reason: null } : { counts: false, reason: 'FINANCING.ABOVE_AUTHORITY' };
}

export function approved(amount: string, tiers: ApprovalTier[], approvals: Approval[]): boolean {
  return approvals.filter((a) => a.counts).length >= approvalsNeeded(amount, tiers);
}
