import { defineQuery, defineUpdate } from '@temporalio/workflow';

// The contract between the API, the worker and the workflow; workflow-safe (no Node APIs).

export const RECEIVABLE_CONFIRMATION_WORKFLOW = 'receivableConfirmationWorkflow';

export interface ReceivableConfirmationInput {
  receivableId: string;
  debtorId: string;
}

export type ConfirmationDecision = 'CONFIRM' | 'DISPUTE';

export interface ConfirmationDecisionCommand {
  decision: ConfirmationDecision;
  /** The organisation deciding; only the receivable's debtor may. */
  debtorId: string;
  /** The person acting for it, as the audit trail should name them. */
  actor: string;
  reason?: string;
}

export type ConfirmationStage = 'SUBMITTING' | 'AWAITING_DEBTOR' | 'RECORDING' | 'CONFIRMED' | 'DISPUTED';

export interface ConfirmationState {
  stage: ConfirmationStage;
  decidedBy?: string;
}

export const decideConfirmationUpdate = defineUpdate<ConfirmationState, [ConfirmationDecisionCommand]>('decideConfirmation');
export const confirmationStateQuery = defineQuery<ConfirmationState>('confirmationState');

/** The business key: one confirmation per invoice of a creditor to a debtor. */
export function receivableConfirmationWorkflowId(r: { creditorId: string; debtorId: string; invoiceNumber: string }): string {
  return `receivable-confirmation/${r.creditorId}/${r.debtorId}/${r.invoiceNumber}`;
}

/** Idempotency keys of the confirmation's two state changes, shared by the API and the workflow. */
export const receivableSubmitKey = (receivableId: string) => `${receivableId}/submit`;
export const receivableDecisionKey = (receivableId: string) => `${receivableId}/decision`;
