import type { FinancingInput, FinancingState } from '@caravan/financing/workflow';
import { untilAccepted } from './financing/approval';
import { disburse } from './financing/disbursement';
import { registerHandlers } from './financing/handlers';
import { repay } from './financing/repayment';
import { finish, newRun, Resume } from './financing/run';

export type { Resume } from './financing/run';

/**
 * One financing from application to closure (PRODUCT.md "Workflows"): eligibility, the
 * counterparty's confirmation, the bank's maker–checker approval, the SME's acceptance, the
 * disbursement saga, then repayment against the schedule until the loan is settled.
 * Every human step has a deadline with a reminder, an escalation and an expiry. Each phase
 * lives in its own module under financing/; stages change through financing/stages.ts.
 */
export async function financingWorkflow(input: FinancingInput, resume?: Resume): Promise<FinancingState> {
  const run = newRun(input, resume);
  registerHandlers(run);
  if (!resume) {
    if (!(await untilAccepted(run))) return finish(run);
    if (!(await disburse(run))) return finish(run);
  }
  await repay(run);
  return finish(run);
}
