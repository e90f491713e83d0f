import { Injectable } from '@nestjs/common';
import type { ConfirmationDecision } from './receivable-confirmation.contract';
import { ReceivablesService } from '../application/receivables.service';
import type { ReceivableStatus } from '../domain/receivable-status';

export interface SubmitReceivableInput {
  receivableId: string;
  idempotencyKey: string;
}

export interface RecordDecisionInput extends SubmitReceivableInput {
  decision: ConfirmationDecision;
  actor: string;
  reason?: string;
}

/** The confirmation workflow's activities: thin, and idempotent by the key they are given. */
@Injectable()
export class ReceivableActivities {
  constructor(private readonly receivables: ReceivablesService) {}

  async submitReceivable(input: SubmitReceivableInput): Promise<ReceivableStatus> {
    const receivable = await this.receivables.transition(
      input.receivableId,
      'submit',
      'system:confirmation-workflow',
      input.idempotencyKey,
    );
    return receivable.status;
  }

  async recordConfirmationDecision(input: RecordDecisionInput): Promise<ReceivableStatus> {
    const transition = input.decision === 'CONFIRM' ? 'confirm' : 'dispute';
    const receivable = await this.receivables.transition(input.receivableId, transition, input.actor, input.idempotencyKey, input.reason);
    return receivable.status;
  }
}
