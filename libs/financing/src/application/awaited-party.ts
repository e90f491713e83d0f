import { Role } from '@caravan/access';
import type { FinancingState } from '../api/financing.contract';
import type { Instalment } from '../domain/instalment-status';
import { PRODUCTS } from '../domain/products';
import type { FinancingRow, Side } from '../infrastructure/financing.repository';

// Who must act next on a financing, and by when: the party (an organisation), the roles of its
// people who may do it, and the deadline. The roles are those the step's route allows
// (financings.controller.ts); awaited-party.spec.ts holds the two together.

export interface Awaiting {
  /** The step (as the timeline names it: counterparty, recommendation, approval, acceptance), or repayment, marginCall. */
  step: string;
  organisationId: string;
  organisation: string;
  roles: Role[];
  /** A person's step: the instant it is escalated (ISO 8601); a payment: the business date it falls due (YYYY-MM-DD). */
  deadline: string;
}

type Party = { side: Side; roles: Role[] };

/** The party and roles of each person's step; the counterparty's depend on the asset. */
export function partyOf(step: string, f: Pick<FinancingRow, 'product'>): Party | undefined {
  switch (step) {
    case 'counterparty':
      return PRODUCTS[f.product].assetType === 'RECEIVABLE'
        ? { side: 'COUNTERPARTY', roles: [Role.PAYABLES_CLERK, Role.TREASURER] }
        : { side: 'COUNTERPARTY', roles: [Role.CUSTODIAN_OFFICER] };
    case 'recommendation':
      return { side: 'BANK', roles: [Role.CREDIT_OFFICER] };
    case 'approval':
      return { side: 'BANK', roles: [Role.APPROVER] };
    case 'acceptance':
    case 'marginCall':
      return { side: 'SME', roles: [Role.APPLICANT, Role.FINANCE_MANAGER] };
    case 'repayment':
      // the payer's finance people move the money, at their bank, outside the platform
      return PRODUCTS[f.product].payer === 'COUNTERPARTY'
        ? { side: 'COUNTERPARTY', roles: [Role.TREASURER] }
        : { side: 'SME', roles: [Role.FINANCE_MANAGER] };
    default:
      return undefined;
  }
}

export function organisationOf(side: Side, f: Pick<FinancingRow, 'smeId' | 'bankId' | 'counterpartyId'>): string {
  return side === 'SME' ? f.smeId : side === 'BANK' ? f.bankId : f.counterpartyId;
}

/**
 * What is awaited now: the person's step the workflow waits for; while repaying, an open margin
 * call (the SME, by its cure date), else the oldest instalment not paid (the payer, by its due date).
 */
export function awaitedNow(
  f: Pick<FinancingRow, 'product' | 'stage'>,
  state: FinancingState | null,
  instalments: Instalment[],
): { step: string; deadline: string } | undefined {
  if (state?.waitingFor) return state.waitingFor;
  if (f.stage !== 'REPAYING') return undefined;
  if (state?.marginCall?.status === 'OPEN') return { step: 'marginCall', deadline: state.marginCall.cureBy };
  const next = instalments.find((i) => i.status !== 'PAID');
  return next && { step: 'repayment', deadline: next.dueDate };
}
