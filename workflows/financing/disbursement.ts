import { ActivityFailure, ApplicationFailure, patched } from '@temporalio/workflow';
import { CHINA_WORKING_DAYS } from '@caravan/clock/workflow';
import { actualDays, openBook, Schedule, schedule as scheduleOf } from '@caravan/financing/workflow';
import { disbursementLines } from '@caravan/ledger/workflow';
import { Money } from '@caravan/money';
import { acts, FinancingRun, settlement, SYSTEM, today } from './run';

/** The disbursement saga: each step idempotent by the financing's key, undone in reverse on failure. */
export async function disburse(run: FinancingRun): Promise<boolean> {
  const { input, state, record, move, securedByGoods } = run;
  const compensations: Array<() => Promise<unknown>> = [];
  const base = { financingId: input.financingId, ref: input.ref, bankId: input.bankId };
  try {
    await acts.reserveLimit({ ...base, amount: input.amount, subjects: input.limitSubjects });
    compensations.unshift(() => acts.releaseLimitTo({ ...base, outstanding: '0.00' }));
    await acts.registerPledge({ ...base, assetType: input.assetType, assetId: input.assetId });
    compensations.unshift(() => acts.dischargePledge({ ...base, assetType: input.assetType, assetId: input.assetId }));
    state.schedule = booked(run);
    const startDate = run.startDate;
    const disbursement = `${input.ref}/disbursement`;
    await acts.postLedger({
      key: disbursement,
      ref: input.ref,
      bankId: input.bankId,
      kind: 'disbursement',
      valueDate: startDate,
      lines: disbursementLines(input.amount, state.schedule.fee),
    });
    compensations.unshift(() => acts.reverseLedger({ key: disbursement, bankId: input.bankId, reason: 'disbursement failed' }));
    const net = Money.of(input.amount, input.currency).minus(Money.of(state.schedule.fee, input.currency)).toString();
    await acts.instructPayment({
      instructionId: disbursement,
      bankId: input.bankId,
      amount: net,
      currency: input.currency,
      beneficiaryId: input.smeId,
      purpose: `Disbursement ${input.ref}`,
    });
    await settlement.awaitSettlement({ instructionId: disbursement, bankId: input.bankId });
    run.disbursedAtMs = Date.now();
    state.disbursedAt = new Date(run.disbursedAtMs).toISOString();
    state.book = openBook(state.schedule, { ...input.terms, startDate }, (d) => actualDays(startDate, d));
    if (securedByGoods) state.collateral = { receipts: [input.assetId] };
    move('disbursed');
    await record('disbursed', SYSTEM, { amount: net, schedule: state.schedule.lines.length });
    return true;
  } catch (error) {
    const reason = failureMessage(error);
    for (const undo of compensations) await undo();
    move('disbursementFailed');
    state.reason = reason;
    await record('disbursement.failed', SYSTEM, { reason, compensated: compensations.length });
    return false;
  }
}

/**
 * The schedule booked: the one the SME accepted, from the start date the acceptance fixed, due
 * dates rolled over China's working days as the terms say, whatever day the money leaves (the
 * re-base rule). Financings accepted before this (no patch marker in their history) start the
 * day of disbursement, as they did.
 */
function booked(run: FinancingRun): Schedule {
  const { input, state } = run;
  const asAccepted = patched('booked-as-accepted');
  const startDate = (run.startDate = (asAccepted && state.acceptedStartDate) || today(run));
  const terms = { ...input.terms, principal: input.amount, currency: input.currency, startDate };
  return asAccepted ? scheduleOf(terms, CHINA_WORKING_DAYS) : scheduleOf(terms);
}

function failureMessage(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return `${cause.type ?? 'FAILURE'}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}
