import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { BusinessClock } from '@caravan/clock';
import { MatchedPayment, PaymentForwarding } from '@caravan/reconciliation';
import { disbursementConfirmedSignal, financingWorkflowId, paymentUpdate } from '../api/financing.contract';

/**
 * Reconciliation's payment port, as financings hear it: a repayment is an update to the
 * financing's workflow (keyed by the statement line, so taken once), a disbursement a signal.
 * A Temporal outage throws, leaving the payment for reconciliation's next call.
 */
@Injectable()
export class TemporalPaymentForwarding extends PaymentForwarding {
  constructor(
    private readonly temporal: Client,
    private readonly clock: BusinessClock,
  ) {
    super();
  }

  async forward(p: MatchedPayment): Promise<{ refused?: string }> {
    const workflow = this.temporal.workflow.getHandle(financingWorkflowId(p.financingRef));
    try {
      if (p.kind === 'REPAYMENT') {
        const payment = { reference: p.reference, amount: p.amount, valueDate: p.valueDate ?? undefined, receivedOn: this.clock.today() };
        await workflow.executeUpdate(paymentUpdate, { args: [payment] });
      } else await workflow.signal(disbursementConfirmedSignal, { reference: p.reference, amount: p.amount, bookedOn: p.bookedOn });
      return {};
    } catch (e) {
      if (!(e instanceof WorkflowUpdateFailedError || e instanceof WorkflowNotFoundError)) throw e;
      // the bank did pay a disbursement out, whatever became of its financing since
      if (p.kind !== 'REPAYMENT') return {};
      return { refused: `the financing ${p.financingRef} refused the payment: ${(e.cause as Error | undefined)?.message ?? e.message}` };
    }
  }
}
