import { stateMachine } from '@caravan/errors';
import { FinancingErrors, type FinancingStage } from '@caravan/financing/workflow';

// Where a financing may go from where it is: the one table every stage change of the
// financing workflow goes through. A move not in it is a bug, and fails the workflow task
// loudly instead of overwriting a stage (a withdrawal, say) that was already taken.

export type StageMove =
  | 'eligible'
  | 'ineligible'
  | 'acknowledged'
  | 'straightThrough'
  | 'recommended'
  | 'approved'
  | 'accepted'
  | 'disbursed'
  | 'disbursementFailed'
  | 'closed'
  | 'rejected'
  | 'withdrawn'
  | 'expired';

/** The stages in which the SME may still withdraw: nobody has approved yet. */
export const BEFORE_APPROVAL: FinancingStage[] = ['ELIGIBILITY', 'AWAITING_COUNTERPARTY', 'AWAITING_RECOMMENDATION', 'AWAITING_APPROVAL'];
/** The stages in which the bank may reject. */
export const REJECTABLE: FinancingStage[] = ['AWAITING_COUNTERPARTY', 'AWAITING_RECOMMENDATION', 'AWAITING_APPROVAL'];
/** Where a financing stops. */
export const ENDED: FinancingStage[] = ['CLOSED', 'INELIGIBLE', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'DISBURSEMENT_FAILED'];

export const nextStage = stateMachine<FinancingStage, StageMove>(FinancingErrors.ILLEGAL_TRANSITION, 'financing', {
  eligible: { from: ['ELIGIBILITY'], to: 'AWAITING_COUNTERPARTY' },
  ineligible: { from: ['ELIGIBILITY'], to: 'INELIGIBLE' },
  acknowledged: { from: ['AWAITING_COUNTERPARTY'], to: 'AWAITING_RECOMMENDATION' },
  straightThrough: { from: ['AWAITING_COUNTERPARTY'], to: 'AWAITING_ACCEPTANCE' },
  recommended: { from: ['AWAITING_RECOMMENDATION'], to: 'AWAITING_APPROVAL' },
  approved: { from: ['AWAITING_APPROVAL'], to: 'AWAITING_ACCEPTANCE' },
  accepted: { from: ['AWAITING_ACCEPTANCE'], to: 'DISBURSING' },
  disbursed: { from: ['DISBURSING'], to: 'REPAYING' },
  disbursementFailed: { from: ['DISBURSING'], to: 'DISBURSEMENT_FAILED' },
  closed: { from: ['REPAYING'], to: 'CLOSED' },
  rejected: { from: REJECTABLE, to: 'REJECTED' },
  withdrawn: { from: BEFORE_APPROVAL, to: 'WITHDRAWN' },
  expired: { from: ['AWAITING_COUNTERPARTY', 'AWAITING_RECOMMENDATION', 'AWAITING_APPROVAL', 'AWAITING_ACCEPTANCE'], to: 'EXPIRED' },
});
