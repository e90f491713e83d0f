import { Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { AppConfig } from '@caravan/config';
import {
  ConfirmationDecisionCommand,
  decideConfirmationUpdate,
  RECEIVABLE_CONFIRMATION_WORKFLOW,
  ReceivableConfirmationInput,
  receivableConfirmationWorkflowId,
} from '../api/receivable-confirmation.contract';
import { domainErrorFrom } from '@caravan/temporal';
import { ConfirmationWorkflows } from '../application/ports';
import type { Receivable } from '../domain/receivable';
import { duplicateInvoice } from './typeorm-receivable.repository';
import { ReceivableErrors } from '../domain/receivables.errors';

@Injectable()
export class TemporalConfirmationWorkflows extends ConfirmationWorkflows {
  constructor(
    private readonly client: Client,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async start(receivable: Receivable): Promise<void> {
    const input: ReceivableConfirmationInput = { receivableId: receivable.id, debtorId: receivable.debtorId };
    try {
      await this.client.workflow.start(RECEIVABLE_CONFIRMATION_WORKFLOW, {
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        workflowId: receivableConfirmationWorkflowId(receivable),
        // The business key is used once, even after the first run has closed.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [input],
      });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) throw duplicateInvoice(receivable);
      throw e;
    }
  }

  async cancel(receivable: Receivable): Promise<void> {
    try {
      await this.client.workflow.getHandle(receivableConfirmationWorkflowId(receivable)).cancel();
    } catch (e) {
      if (!(e instanceof WorkflowNotFoundError)) throw e;
    }
  }

  async decide(receivable: Receivable, command: ConfirmationDecisionCommand): Promise<void> {
    const handle = this.client.workflow.getHandle(receivableConfirmationWorkflowId(receivable));
    try {
      await handle.executeUpdate(decideConfirmationUpdate, { args: [command] });
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) {
        throw ReceivableErrors.NOT_AWAITING_CONFIRMATION(`receivable is ${receivable.status}, not awaiting confirmation`);
      }
      throw domainErrorFrom(e) ?? e;
    }
  }
}
