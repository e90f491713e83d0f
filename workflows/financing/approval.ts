import { condition, patched } from '@temporalio/workflow';
import { approved, schedule as scheduleOf } from '@caravan/financing/workflow';
import { acts, FinancingRun, SYSTEM, today } from './run';

// From application to the SME's acceptance: eligibility, the counterparty's confirmation, the
// bank's maker–checker approval (unless the amount needs none) and the offer accepted.

/** Waits for a person: reminder at half time, escalation at the deadline, expiry after a grace of half again. */
export async function humanStep(run: FinancingRun, step: string, done: () => boolean, days: number): Promise<boolean> {
  const { input, state, record, move, ended } = run;
  const half = (days * input.dayMs) / 2;
  const finished = () => done() || ended();
  state.waitingFor = { step, deadline: new Date(Date.now() + 2 * half).toISOString() };
  await record(`${step}.awaited`, SYSTEM, { deadline: state.waitingFor.deadline });
  for (const [phase, event] of [
    ['reminder', `${step}.reminder`],
    ['escalation', `${step}.escalated`],
  ] as const) {
    if (await condition(finished, half)) return !ended();
    await record(event, SYSTEM, { phase });
  }
  if (await condition(finished, half)) return !ended();
  move('expired');
  state.reason = `${step} not done in time`;
  await record('expired', SYSTEM, { step });
  return false;
}

/** Until the SME accepts the offer: true, or false once the financing ended on the way. */
export async function untilAccepted(run: FinancingRun): Promise<boolean> {
  const { input, state, record, move, ended } = run;
  const eligibility = await acts.checkEligibility(input);
  // withdrawn while eligibility was checked or recorded: it stays withdrawn (it used to be overwritten)
  const withdrawnMeanwhile = () => ended() && patched('withdrawn-during-eligibility');
  if (withdrawnMeanwhile()) return false;
  if (!eligibility.eligible) {
    move('ineligible');
    state.reason = eligibility.reason;
    await record('ineligible', SYSTEM, { reason: eligibility.reason });
    return false;
  }
  await record('eligible', SYSTEM);
  if (withdrawnMeanwhile()) return false;

  move('eligible');
  if (!(await humanStep(run, 'counterparty', () => state.acknowledgedBy !== undefined, input.deadlines.counterparty))) return false;

  if (state.approvalsNeeded === 0) {
    await record('approved', SYSTEM, { straightThrough: true });
    // withdrawn or rejected while that was recorded: it stays so (it used to be overwritten)
    if (ended() && patched('ended-during-straight-through')) return false;
    move('straightThrough');
  } else {
    move('acknowledged');
    if (!(await humanStep(run, 'recommendation', () => state.recommendation !== undefined, input.deadlines.recommendation))) return false;
    move('recommended');
    if (!(await humanStep(run, 'approval', () => approved(input.amount, input.tiers, state.approvals), input.deadlines.approval)))
      return false;
    move('approved');
  }

  state.schedule = scheduleOf({ ...input.terms, principal: input.amount, currency: input.currency, startDate: today(run) });
  if (!(await humanStep(run, 'acceptance', () => state.acceptedBy !== undefined, input.deadlines.acceptance))) return false;

  move('accepted');
  state.waitingFor = undefined;
  return true;
}
