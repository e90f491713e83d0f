import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ReceivableActivities } from '@caravan/receivables/workflow';
import {
  ConfirmationDecisionCommand,
  ConfirmationState,
  confirmationStateQuery,
  decideConfirmationUpdate,
  ReceivableConfirmationInput,
  receivableDecisionKey,
  ReceivableErrors,
  receivableSubmitKey,
} from '@caravan/receivables/workflow';
import { toApplicationFailure } from '@caravan/temporal/workflow';

const { submitReceivable, recordConfirmationDecision } = proxyActivities<ReceivableActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * Submits a registered receivable to its debtor and records the debtor's answer.
 * The answer arrives as an update: its validator refuses a second answer or an answer from
 * anyone but the debtor before anything is written to history.
 */
export async function receivableConfirmationWorkflow(input: ReceivableConfirmationInput): Promise<ConfirmationState> {
  const state: ConfirmationState = { stage: 'SUBMITTING' };
  let decision: ConfirmationDecisionCommand | undefined;
  const decided = () => state.stage === 'CONFIRMED' || state.stage === 'DISPUTED';

  setHandler(confirmationStateQuery, () => state);
  setHandler(
    decideConfirmationUpdate,
    async (command) => {
      decision = command;
      await condition(decided);
      return state;
    },
    {
      validator: (command) => {
        if (decision !== undefined) {
          throw toApplicationFailure(ReceivableErrors.ALREADY_DECIDED('the debtor has already answered'));
        }
        if (command.debtorId !== input.debtorId) {
          throw toApplicationFailure(ReceivableErrors.NOT_DEBTOR('only the debtor of this receivable may answer', 'debtorId'));
        }
        if (command.decision === 'DISPUTE' && !command.reason?.trim()) {
          throw toApplicationFailure(ReceivableErrors.DISPUTE_REASON_REQUIRED('a dispute needs a reason', 'reason'));
        }
      },
    },
  );

  await submitReceivable({ receivableId: input.receivableId, idempotencyKey: receivableSubmitKey(input.receivableId) });
  state.stage = 'AWAITING_DEBTOR';

  await condition(() => decision !== undefined);
  const answer = decision!;
  state.stage = 'RECORDING';
  await recordConfirmationDecision({
    receivableId: input.receivableId,
    idempotencyKey: receivableDecisionKey(input.receivableId),
    decision: answer.decision,
    actor: answer.actor,
    reason: answer.reason,
  });
  state.stage = answer.decision === 'CONFIRM' ? 'CONFIRMED' : 'DISPUTED';
  state.decidedBy = answer.actor;

  await condition(allHandlersFinished);
  return state;
}
