import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ReconciliationActivities } from '@caravan/reconciliation/workflow';
import { ReconciliationInput, ReconciliationRun, runIdOf } from '@caravan/reconciliation/workflow';

const acts = proxyActivities<ReconciliationActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/**
 * One bank's reconciliation run, daily from its schedule or on demand: its unmatched statement lines
 * go through the matching rules a batch at a time (each batch commits with the run's progress,
 * so a retried or resumed run goes on where it stopped), and each batch's matched repayments
 * are forwarded to their financings before the next.
 */
export async function reconciliationWorkflow(input: ReconciliationInput): Promise<ReconciliationRun> {
  const runId = runIdOf(workflowInfo().workflowId);
  const { bankId } = input;
  await acts.beginReconciliation({ runId, bankId, trigger: input.trigger, startedBy: input.startedBy });
  try {
    for (;;) {
      const batch = await acts.matchNextBatch({ runId, bankId, size: input.batchSize });
      await acts.forwardMatchedPayments({ bankId });
      if (batch.done) break;
    }
  } catch (e) {
    await acts.failReconciliation({ runId, bankId });
    throw e;
  }
  return acts.finishReconciliation({ runId, bankId });
}
