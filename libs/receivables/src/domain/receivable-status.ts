import { stateMachine, Transitions } from '@caravan/errors';
import { ReceivableErrors } from './receivables.errors';

/** PRODUCT.md's lifecycle: registered → submitted → confirmed | disputed → pledged → settled | written off. */
export enum ReceivableStatus {
  REGISTERED = 'REGISTERED',
  SUBMITTED = 'SUBMITTED',
  CONFIRMED = 'CONFIRMED',
  DISPUTED = 'DISPUTED',
  PLEDGED = 'PLEDGED',
  SETTLED = 'SETTLED',
  WRITTEN_OFF = 'WRITTEN_OFF',
  CANCELLED = 'CANCELLED',
}

export type ReceivableTransition = 'submit' | 'confirm' | 'dispute' | 'cancel' | 'pledge' | 'discharge';

const TRANSITIONS: Transitions<ReceivableStatus, ReceivableTransition> = {
  submit: { from: [ReceivableStatus.REGISTERED], to: ReceivableStatus.SUBMITTED },
  confirm: { from: [ReceivableStatus.SUBMITTED], to: ReceivableStatus.CONFIRMED },
  dispute: { from: [ReceivableStatus.SUBMITTED], to: ReceivableStatus.DISPUTED },
  pledge: { from: [ReceivableStatus.CONFIRMED], to: ReceivableStatus.PLEDGED },
  discharge: { from: [ReceivableStatus.PLEDGED], to: ReceivableStatus.CONFIRMED },
  cancel: {
    from: [ReceivableStatus.REGISTERED, ReceivableStatus.SUBMITTED, ReceivableStatus.DISPUTED],
    to: ReceivableStatus.CANCELLED,
  },
};

/** The status a transition leads to, or a coded refusal when it is illegal from here. */
export const nextStatus = stateMachine(ReceivableErrors.ILLEGAL_TRANSITION, 'receivable', TRANSITIONS);
