import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { FinancingActivities } from '../libs/financing/src/api/financing.activities';
import { approvalRefusal, approvalsNeeded, approved, withinAuthority } from '../libs/financing/src/domain/approval';
import { actualDays, addDays } from '../libs/financing/src/domain/calendar';
import { ageing, Allocation, applyPayment, fallDue, LoanBook, openBook, settled } from '../libs/financing/src/domain/loan-book';
import { schedule as scheduleOf } from '../libs/financing/src/domain/schedule';
import { Dec, Money } from '../libs/money/src/money';
import { AMOUNT } from '../libs/money/src/wire';
import { accrualLines, disbursementLines, repaymentLines, surplusPayoutLines } from '../libs/ledger/src/domain/postings';
import {
  acceptUpdate,
  acknowledgeUpdate,
  Act,
  approveUpdate,
  disbursementConfirmedSignal,
  FinancingInput,
  FinancingStage,
  FinancingState,
  financingStateQuery,
  paymentUpdate,
  PaymentAct,
  recommendUpdate,
  rejectUpdate,
  releaseGoodsUpdate,
  topUpUpdate,
  withdrawUpdate,
} from '../libs/temporal/src/contracts/financing.contract';
import { businessFailure } from '../libs/temporal/src/failures';
import { BusinessClock } from '../libs/clock/src/business-clock';
import { BEFORE_APPROVAL, ENDED, nextStage, REJECTABLE, StageMove } from './financing-stages';

const acts = proxyActivities<FinancingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});
// Settlement is polled: the bank answers "pending" with a retryable failure until it settles.
const settlement = proxyActivities<FinancingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 1.5, maximumInterval: '5 seconds', maximumAttempts: 60 },
});

/** State carried over continue-as-new once the loan is repaying. */
export interface Resume {
  state: FinancingState;
  seq: number;
  disbursedAtMs: number;
  startDate: string;
}

const SYSTEM = 'system:financing-workflow';

/**
 * One financing from application to closure (PRODUCT.md "Workflows"): eligibility, the
 * counterparty's confirmation, the bank's maker–checker approval, the SME's acceptance, the
 * disbursement saga, then repayment against the schedule until the loan is settled.
 * Every human step has a deadline with a reminder, an escalation and an expiry.
 */
export async function financingWorkflow(input: FinancingInput, resume?: Resume): Promise<FinancingState> {
  const state: FinancingState = resume?.state ?? { stage: 'ELIGIBILITY', approvals: [], approvalsNeeded: approvalsNeeded(input.amount, input.tiers) };
  let seq = resume?.seq ?? 0;
  let disbursedAtMs = resume?.disbursedAtMs ?? 0;
  let startDate = resume?.startDate ?? '';
  const payments: PaymentAct[] = [];
  const allocations = new Map<string, Allocation | null>();
  const securedByGoods = input.assetType === 'WAREHOUSE_RECEIPT';
  let recheckCollateral = false;

  const ended = () => ENDED.includes(state.stage);
  const move = (to: StageMove) => (state.stage = nextStage(state.stage, to));
  const record = (step: string, actor: string, detail: Record<string, unknown> = {}) =>
    acts.recordEvent({ financingId: input.financingId, bankId: input.bankId, seq: ++seq, step, actor, detail, state });
  const refuse = (code: string, message: string, kind: 'conflict' | 'forbidden' | 'invalid' = 'conflict', field?: string) => {
    throw businessFailure(code, message, kind, field);
  };
  const expectStage = (...stages: FinancingStage[]) => {
    if (!stages.includes(state.stage)) refuse('FINANCING.NOT_AT_THIS_STEP', `the financing is ${state.stage}`);
  };
  const expectOrg = (act: Act, organisationId: string) => {
    if (act.organisationId !== organisationId) refuse('FINANCING.NOT_YOURS', 'this step belongs to another party', 'forbidden');
  };

  setHandler(financingStateQuery, () => state);
  // Informational: the money left as instructed. A signal never sent before this handler
  // existed, so recorded histories replay unchanged.
  setHandler(disbursementConfirmedSignal, async (confirmation) => {
    if (state.disbursementConfirmed) return;
    state.disbursementConfirmed = confirmation;
    await record('disbursement.confirmed', 'system:reconciliation', { ...confirmation });
  });
  setHandler(
    acknowledgeUpdate,
    async (act) => {
      state.acknowledgedBy = act.name;
      await record('counterparty.confirmed', act.name, { comment: act.comment });
      return state;
    },
    { validator: (act) => (expectStage('AWAITING_COUNTERPARTY'), expectOrg(act, input.counterpartyId)) },
  );
  setHandler(
    recommendUpdate,
    async (act) => {
      state.recommendation = { by: act.userId, at: new Date().toISOString(), comment: act.comment };
      await record('recommended', act.name, { comment: act.comment });
      return state;
    },
    { validator: (act) => (expectStage('AWAITING_RECOMMENDATION'), expectOrg(act, input.bankId)) },
  );
  setHandler(
    approveUpdate,
    async (act) => {
      const counts = withinAuthority(input.amount, act.authority);
      state.approvals.push({ by: act.userId, authority: act.authority, at: new Date().toISOString(), comment: act.comment, counts });
      await record(counts ? 'approved' : 'approval.not.counted', act.name, { authority: act.authority, comment: act.comment });
      return state;
    },
    {
      validator: (act) => {
        expectStage('AWAITING_APPROVAL');
        expectOrg(act, input.bankId);
        const refusal = approvalRefusal(act.userId, state.recommendation, state.approvals);
        if (refusal) refuse(refusal, refusal === 'FINANCING.OWN_RECOMMENDATION' ? 'nobody approves their own recommendation' : 'you have already approved this financing', 'forbidden');
      },
    },
  );
  setHandler(
    rejectUpdate,
    async (act) => {
      move('rejected');
      state.reason = act.comment;
      await record('rejected', act.name, { reason: act.comment });
      return state;
    },
    {
      validator: (act) => {
        expectStage(...REJECTABLE);
        expectOrg(act, input.bankId);
        if (!act.comment?.trim()) refuse('FINANCING.REASON_REQUIRED', 'a rejection needs a reason', 'invalid', 'reason');
      },
    },
  );
  setHandler(
    withdrawUpdate,
    async (act) => {
      move('withdrawn');
      state.reason = act.comment;
      await record('withdrawn', act.name, { reason: act.comment });
      return state;
    },
    { validator: (act) => (expectStage(...BEFORE_APPROVAL), expectOrg(act, input.smeId)) },
  );
  setHandler(
    acceptUpdate,
    async (act) => {
      state.acceptedBy = act.name;
      await record('offer.accepted', act.name);
      return state;
    },
    { validator: (act) => (expectStage('AWAITING_ACCEPTANCE'), expectOrg(act, input.smeId)) },
  );
  setHandler(
    paymentUpdate,
    async (payment) => {
      if (!allocations.has(payment.reference)) payments.push(payment);
      await condition(() => allocations.has(payment.reference));
      return allocations.get(payment.reference) ?? null;
    },
    {
      validator: (payment) => {
        expectStage('REPAYING');
        if (!AMOUNT.test(payment.amount)) refuse('FINANCING.BAD_PAYMENT', 'amount must be a positive decimal string', 'invalid', 'amount');
        if (!payment.reference?.trim()) refuse('FINANCING.BAD_PAYMENT', 'a payment needs its bank reference', 'invalid', 'reference');
      },
    },
  );

  setHandler(
    releaseGoodsUpdate,
    async (act) => {
      await acts.releaseCollateral({
        financingId: input.financingId,
        ref: input.ref,
        bankId: input.bankId,
        receiptIds: state.collateral!.receipts,
        receiptId: act.receiptId,
        quantity: act.quantity,
        outstanding: state.book!.outstanding,
        maxLtv: input.terms.maxFinancingRatio,
      });
      recheckCollateral = true;
      await record('goods.released', act.name, { receiptId: act.receiptId, quantity: act.quantity });
      return state;
    },
    {
      validator: (act) => {
        expectStage('REPAYING');
        if (act.organisationId !== input.smeId && act.organisationId !== input.counterpartyId) refuse('FINANCING.NOT_YOURS', 'only the borrower or the custodian releases goods', 'forbidden');
        if (!state.collateral?.receipts.includes(act.receiptId)) refuse('FINANCING.NOT_COLLATERAL', 'this receipt does not secure this financing', 'invalid', 'receiptId');
        if (!/^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,4})?$/.test(act.quantity)) refuse('FINANCING.BAD_QUANTITY', 'quantity must be a positive decimal string', 'invalid', 'quantity');
      },
    },
  );
  setHandler(
    topUpUpdate,
    async (act) => {
      await acts.registerPledge({ financingId: input.financingId, ref: input.ref, bankId: input.bankId, assetType: 'WAREHOUSE_RECEIPT', assetId: act.receiptId });
      state.collateral!.receipts.push(act.receiptId);
      recheckCollateral = true;
      await record('collateral.topped.up', act.name, { receiptId: act.receiptId });
      return state;
    },
    {
      validator: (act) => {
        expectStage('REPAYING');
        expectOrg(act, input.smeId);
        if (!securedByGoods) refuse('FINANCING.NOT_COLLATERAL', 'only warehouse-receipt loans take more receipts', 'invalid', 'receiptId');
        if (state.collateral?.receipts.includes(act.receiptId)) refuse('FINANCING.NOT_COLLATERAL', 'this receipt already secures this financing', 'invalid', 'receiptId');
      },
    },
  );

  /** Waits for a person: reminder at half time, escalation at the deadline, expiry after a grace of half again. */
  async function humanStep(step: string, done: () => boolean, days: number): Promise<boolean> {
    const half = (days * input.dayMs) / 2;
    const finished = () => done() || ended();
    state.waitingFor = { step, deadline: new Date(Date.now() + 2 * half).toISOString() };
    await record(`${step}.awaited`, SYSTEM, { deadline: state.waitingFor.deadline });
    for (const [phase, event] of [['reminder', `${step}.reminder`], ['escalation', `${step}.escalated`]] as const) {
      if (await condition(finished, half)) return !ended();
      await record(event, SYSTEM, { phase });
    }
    if (await condition(finished, half)) return !ended();
    move('expired');
    state.reason = `${step} not done in time`;
    await record('expired', SYSTEM, { step });
    return false;
  }

  const finish = async () => {
    state.waitingFor = undefined;
    await condition(allHandlersFinished);
    return state;
  };

  if (!resume) {
    const eligibility = await acts.checkEligibility(input);
    // withdrawn while eligibility was checked or recorded: it stays withdrawn (it used to be overwritten)
    const withdrawnMeanwhile = () => ended() && patched('withdrawn-during-eligibility');
    if (withdrawnMeanwhile()) return finish();
    if (!eligibility.eligible) {
      move('ineligible');
      state.reason = eligibility.reason;
      await record('ineligible', SYSTEM, { reason: eligibility.reason });
      return finish();
    }
    await record('eligible', SYSTEM);
    if (withdrawnMeanwhile()) return finish();

    move('eligible');
    if (!(await humanStep('counterparty', () => state.acknowledgedBy !== undefined, input.deadlines.counterparty))) return finish();

    if (state.approvalsNeeded === 0) {
      await record('approved', SYSTEM, { straightThrough: true });
      // withdrawn or rejected while that was recorded: it stays so (it used to be overwritten)
      if (ended() && patched('ended-during-straight-through')) return finish();
      move('straightThrough');
    } else {
      move('acknowledged');
      if (!(await humanStep('recommendation', () => state.recommendation !== undefined, input.deadlines.recommendation))) return finish();
      move('recommended');
      if (!(await humanStep('approval', () => approved(input.amount, input.tiers, state.approvals), input.deadlines.approval))) return finish();
      move('approved');
    }

    state.schedule = scheduleOf({ ...input.terms, principal: input.amount, currency: input.currency, startDate: today() });
    if (!(await humanStep('acceptance', () => state.acceptedBy !== undefined, input.deadlines.acceptance))) return finish();

    move('accepted');
    state.waitingFor = undefined;
    if (!(await disburse())) return finish();
  }

  await repay();
  return finish();

  /** The business date in workflow time (deterministic); in UTC for a financing started without a time zone, as it always did. */
  function today(): string {
    return new BusinessClock(input.timeZone ?? 'UTC').today();
  }

  /** The disbursement saga: each step idempotent by the financing's key, undone in reverse on failure. */
  async function disburse(): Promise<boolean> {
    const compensations: Array<() => Promise<unknown>> = [];
    const base = { financingId: input.financingId, ref: input.ref, bankId: input.bankId };
    try {
      await acts.reserveLimit({ ...base, amount: input.amount, subjects: input.limitSubjects });
      compensations.unshift(() => acts.releaseLimitTo({ ...base, outstanding: '0.00' }));
      await acts.registerPledge({ ...base, assetType: input.assetType, assetId: input.assetId });
      compensations.unshift(() => acts.dischargePledge({ ...base, assetType: input.assetType, assetId: input.assetId }));
      startDate = today();
      state.schedule = scheduleOf({ ...input.terms, principal: input.amount, currency: input.currency, startDate });
      const disbursement = `${input.ref}/disbursement`;
      await acts.postLedger({ key: disbursement, ref: input.ref, bankId: input.bankId, kind: 'disbursement', valueDate: startDate, lines: disbursementLines(input.amount, state.schedule.fee) });
      compensations.unshift(() => acts.reverseLedger({ key: disbursement, bankId: input.bankId, reason: 'disbursement failed' }));
      const net = Money.of(input.amount, input.currency).minus(Money.of(state.schedule.fee, input.currency)).toString();
      await acts.instructPayment({ instructionId: disbursement, bankId: input.bankId, amount: net, currency: input.currency, beneficiaryId: input.smeId, purpose: `Disbursement ${input.ref}` });
      await settlement.awaitSettlement({ instructionId: disbursement, bankId: input.bankId });
      disbursedAtMs = Date.now();
      state.disbursedAt = new Date(disbursedAtMs).toISOString();
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

  /** Instalments fall due on durable timers; payments are allocated as they come. */
  async function repay(): Promise<void> {
    let book = state.book as LoanBook;
    const dayNow = () => Math.floor((Date.now() - disbursedAtMs) / input.dayMs);
    const msUntilDay = (day: number) => Math.max(0, disbursedAtMs + day * input.dayMs - Date.now());
    const base = { financingId: input.financingId, ref: input.ref, bankId: input.bankId };
    /** Books the interest and penalty that fell due in the book since `before` (paid at once or not). */
    const bookAccrued = async (before: LoanBook, after: LoanBook, paid: { interest: string; penalty: string }, key: string, valueDate: string) => {
      const delta = (k: 'interest' | 'penalty') => Money.of(after.due[k]).plus(Money.of(paid[k])).minus(Money.of(before.due[k])).toString();
      const lines = accrualLines(delta('interest'), delta('penalty'));
      if (lines.length > 0) await acts.postLedger({ key, ref: input.ref, bankId: input.bankId, kind: 'accrual', valueDate, lines });
    };

    // Goods lose value when prices fall: their cover is checked every business day.
    let nextCoverageCheck = 0;
    const wake = () => payments.length > 0 || recheckCollateral;
    const capped = (ms: number) => (securedByGoods ? Math.min(ms, msUntilDay(nextCoverageCheck)) : ms);

    while (!settled(book)) {
      const line = book.lines[book.fallenDue];
      if (line && dayNow() < line.dueDay - input.deadlines.repaymentReminder) {
        if (!(await condition(wake, capped(msUntilDay(line.dueDay - input.deadlines.repaymentReminder)))) && dayNow() >= line.dueDay - input.deadlines.repaymentReminder) {
          await record('repayment.reminder', SYSTEM, { instalment: line.number, dueDate: line.dueDate });
        }
      } else if (!(await condition(wake, capped(line ? msUntilDay(line.dueDay) : 30 * input.dayMs))) && line && dayNow() >= line.dueDay) {
        const before = book;
        const fell = fallDue(book);
        book = fell.book;
        await bookAccrued(before, book, { interest: '0.00', penalty: '0.00' }, `${input.ref}/accrual/${line.number}`, line.dueDate);
        await record('instalment.due', SYSTEM, { instalment: line.number, interest: fell.interest, principal: fell.principal });
      }
      while (payments.length > 0) {
        const payment = payments.shift()!;
        const before = book;
        const { book: after, allocation } = applyPayment(book, dayNow(), payment.reference, payment.amount, input.terms.allocationOrder);
        book = after;
        if (allocation) {
          await bookAccrued(before, book, allocation, `${input.ref}/accrual/${payment.reference}`, addDays(startDate, dayNow()));
          await acts.postLedger({
            key: `${input.ref}/repayment/${payment.reference}`,
            ref: input.ref,
            bankId: input.bankId,
            kind: 'repayment',
            valueDate: addDays(startDate, dayNow()),
            lines: repaymentLines(allocation.amount, allocation, allocation.surplus),
          });
          await acts.releaseLimitTo({ ...base, outstanding: book.outstanding });
          await record('payment.allocated', SYSTEM, { ...allocation });
        }
        allocations.set(payment.reference, allocation ?? null);
      }
      state.book = book;
      if (securedByGoods && (recheckCollateral || dayNow() >= nextCoverageCheck)) {
        recheckCollateral = false;
        nextCoverageCheck = dayNow() + 1;
        await checkCoverage(book);
      }
      const bucket = ageing(book, dayNow());
      const changed = bucket !== (state.ageing ?? 'CURRENT');
      state.ageing = bucket;
      if (changed) await record('ageing', SYSTEM, { bucket });
      // Added after loans were running: patched() keeps their histories replaying.
      if (changed && bucket === '1-30' && input.product === 'RECEIVABLE_FINANCING' && patched('recourse-events')) {
        // The buyer did not pay: with recourse the SME now owes the bank; without, the bank bears it.
        await record(input.terms.recourse ? 'recourse.claimed' : 'buyer.default', SYSTEM, { outstanding: book.outstanding, smeId: input.smeId });
      }
      const { continueAsNewSuggested, historyLength } = workflowInfo();
      if (continueAsNewSuggested || (input.historyLimit !== undefined && historyLength > input.historyLimit)) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof financingWorkflow>(input, { state, seq, disbursedAtMs, startDate });
      }
    }
    await close(book);
  }

  /**
   * A margin call when the loan-to-value rises above the maintenance line; cured when it is
   * back within the LTV line (by a repayment or more receipts); escalated at the cure deadline.
   */
  async function checkCoverage(book: LoanBook): Promise<void> {
    const collateral = state.collateral!;
    const value = await acts.collateralValue({ receiptIds: collateral.receipts });
    const ltv = Money.of(value).isZero() ? new Dec(1e9) : new Dec(book.outstanding).dividedBy(value);
    state.collateral = { ...collateral, value, ltv: ltv.toFixed(4) };
    const call = state.marginCall;
    const maintenance = new Dec(input.terms.maintenanceLtv ?? '0.8');
    if (call?.status !== 'OPEN' && ltv.greaterThan(maintenance)) {
      const cureBy = new Date(Date.now() + (input.deadlines.marginCure ?? 5) * input.dayMs).toISOString();
      state.marginCall = { status: 'OPEN', since: new Date().toISOString(), cureBy, ltv: ltv.toFixed(4) };
      await record('margin.call', SYSTEM, { ltv: ltv.toFixed(4), value, cureBy });
    } else if (call?.status === 'OPEN' && ltv.lessThanOrEqualTo(input.terms.maxFinancingRatio)) {
      state.marginCall = { ...call, status: 'CURED', ltv: ltv.toFixed(4) };
      await record('margin.cured', SYSTEM, { ltv: ltv.toFixed(4), value });
    } else if (call?.status === 'OPEN' && Date.now() >= Date.parse(call.cureBy)) {
      state.marginCall = { ...call, status: 'DEFAULTED', ltv: ltv.toFixed(4) };
      await record('margin.call.escalated', SYSTEM, { ltv: ltv.toFixed(4), value });
    }
  }

  /** Settled: the surplus goes to the SME, the pledge is discharged, the limit released. */
  async function close(book: LoanBook): Promise<void> {
    if (book.surplus !== '0.00') {
      const payout = `${input.ref}/surplus`;
      await acts.instructPayment({ instructionId: payout, bankId: input.bankId, amount: book.surplus, currency: input.currency, beneficiaryId: input.smeId, purpose: `Surplus ${input.ref}` });
      await settlement.awaitSettlement({ instructionId: payout, bankId: input.bankId });
      await acts.postLedger({ key: payout, ref: input.ref, bankId: input.bankId, kind: 'surplus', valueDate: addDays(startDate, Math.floor((Date.now() - disbursedAtMs) / input.dayMs)), lines: surplusPayoutLines(book.surplus) });
    }
    for (const assetId of state.collateral?.receipts ?? [input.assetId]) {
      await acts.dischargePledge({ financingId: input.financingId, ref: input.ref, bankId: input.bankId, assetType: input.assetType, assetId });
    }
    await acts.releaseLimitTo({ financingId: input.financingId, ref: input.ref, bankId: input.bankId, outstanding: '0.00' });
    move('closed');
    state.ageing = 'CURRENT';
    await record('closed', SYSTEM, { surplus: book.surplus });
  }
}

function failureMessage(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return `${cause.type ?? 'FAILURE'}: ${cause.message}`;
  return cause instanceof Error ? cause.message : String(cause);
}
