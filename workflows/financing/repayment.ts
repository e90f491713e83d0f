import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import {
  actualDays,
  addDays,
  ageing,
  instalmentFallsDue,
  LoanBook,
  PaymentAct,
  paymentArrives,
  PRODUCTS,
  RepaymentEffect,
  RepaymentStep,
  settled,
} from '@caravan/financing/workflow';
import { surplusPayoutLines } from '@caravan/ledger/workflow';
import { checkCoverage } from './collateral';
import { acts, FinancingRun, FinancingWorkflow, settlement, SYSTEM } from './run';

/**
 * Instalments fall due on durable timers; payments are allocated as they come. What each means
 * for the book, the ledger and the timeline is the domain's pure reducer (domain/repayment.ts);
 * this loop waits and carries out its effects.
 */
export async function repay(run: FinancingRun): Promise<void> {
  const { input, state, record, payments, allocations, securedByGoods } = run;
  let book = state.book as LoanBook;
  const dayNow = () => Math.floor((Date.now() - run.disbursedAtMs) / input.dayMs);
  const msUntilDay = (day: number) => Math.max(0, run.disbursedAtMs + day * input.dayMs - Date.now());
  /**
   * The book moves at once, in the state too: the timeline's step is recorded with the state it
   * produced (an allocated payment shows as paid in the financing's detail right away, not at the
   * next step weeks later). Then the step's effects are carried out in order.
   */
  const perform = async (step: RepaymentStep) => {
    book = step.book;
    state.book = book;
    for (const effect of step.effects) await carryOut(run, effect);
  };

  // Goods lose value when prices fall: their cover is checked every business day.
  let nextCoverageCheck = 0;
  const wake = () => payments.length > 0 || run.recheckCollateral;
  const capped = (ms: number) => (securedByGoods ? Math.min(ms, msUntilDay(nextCoverageCheck)) : ms);

  while (!settled(book)) {
    const line = book.lines[book.fallenDue];
    if (line && dayNow() < line.dueDay - input.deadlines.repaymentReminder) {
      if (
        !(await condition(wake, capped(msUntilDay(line.dueDay - input.deadlines.repaymentReminder)))) &&
        dayNow() >= line.dueDay - input.deadlines.repaymentReminder
      ) {
        await record('repayment.reminder', SYSTEM, { instalment: line.number, dueDate: line.dueDate });
      }
    } else if (!(await condition(wake, capped(line ? msUntilDay(line.dueDay) : 30 * input.dayMs))) && line && dayNow() >= line.dueDay) {
      await perform(instalmentFallsDue(book, input.ref));
    }
    while (payments.length > 0) {
      const payment = payments.shift()!;
      const day = valueDayOf(payment, dayNow());
      const valueDate = payment.valueDate ?? addDays(run.startDate, day);
      const step = paymentArrives(book, input.ref, day, valueDate, payment, input.terms.allocationOrder);
      await perform(step);
      allocations.set(payment.reference, step.allocation ?? null);
    }
    if (securedByGoods && (run.recheckCollateral || dayNow() >= nextCoverageCheck)) {
      run.recheckCollateral = false;
      nextCoverageCheck = dayNow() + 1;
      await checkCoverage(run, book);
    }
    const bucket = ageing(book, dayNow());
    const changed = bucket !== (state.ageing ?? 'CURRENT');
    state.ageing = bucket;
    if (changed) await record('ageing', SYSTEM, { bucket });
    // Added after loans were running: patched() keeps their histories replaying.
    if (changed && bucket === '1-30' && PRODUCTS[input.product].recourse && patched('recourse-events')) {
      // The buyer did not pay: with recourse the SME now owes the bank; without, the bank bears it.
      await record(input.terms.recourse ? 'recourse.claimed' : 'buyer.default', SYSTEM, {
        outstanding: book.outstanding,
        smeId: input.smeId,
      });
    }
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    if (continueAsNewSuggested || (input.historyLimit !== undefined && historyLength > input.historyLimit)) {
      // A payment's handler waits for this loop to allocate it, so waiting for every handler to
      // finish first would wait for ever: a payment that came in during this pass is allocated,
      // then the next pass continues as new. (Loans from before wait as they did: patched.)
      if (patched('allocate-before-continue-as-new')) {
        await condition(() => payments.length > 0 || allHandlersFinished());
        if (payments.length > 0) continue;
      } else await condition(allHandlersFinished);
      await continueAsNew<FinancingWorkflow>(input, { state, seq: run.seq, disbursedAtMs: run.disbursedAtMs, startDate: run.startDate });
    }
  }
  await close(run, book);
}

/**
 * The loan day a payment counts from: as many days before today as the bank's business days
 * between its value date and the day it was told of it (a statement imported three days late
 * counts three days back; in production a loan day is a calendar day, so this is the value date
 * itself). Never before disbursement, never after today. Payments from before carry no dates.
 */
function valueDayOf(payment: PaymentAct, today: number): number {
  if (!payment.valueDate || !payment.receivedOn || !patched('value-dated-payments')) return today;
  return Math.max(0, today - Math.max(0, actualDays(payment.valueDate, payment.receivedOn)));
}

/** One effect of a repayment step, as activities. */
async function carryOut({ input, record }: FinancingRun, effect: RepaymentEffect): Promise<void> {
  const of = { financingId: input.financingId, ref: input.ref, bankId: input.bankId };
  if (effect.kind === 'post')
    await acts.postLedger({
      key: effect.key,
      ref: input.ref,
      bankId: input.bankId,
      kind: effect.entry,
      valueDate: effect.valueDate,
      lines: effect.lines,
    });
  else if (effect.kind === 'release-limit') await acts.releaseLimitTo({ ...of, outstanding: effect.outstanding });
  else await record(effect.step, SYSTEM, effect.detail);
}

/** Settled: the surplus goes to the SME, the pledge is discharged, the limit released. */
async function close(run: FinancingRun, book: LoanBook): Promise<void> {
  const { input, state, record, move } = run;
  if (book.surplus !== '0.00') {
    const payout = `${input.ref}/surplus`;
    await acts.instructPayment({
      instructionId: payout,
      bankId: input.bankId,
      amount: book.surplus,
      currency: input.currency,
      beneficiaryId: input.smeId,
      purpose: `Surplus ${input.ref}`,
    });
    await settlement.awaitSettlement({ instructionId: payout, bankId: input.bankId });
    await acts.postLedger({
      key: payout,
      ref: input.ref,
      bankId: input.bankId,
      kind: 'surplus',
      valueDate: addDays(run.startDate, Math.floor((Date.now() - run.disbursedAtMs) / input.dayMs)),
      lines: surplusPayoutLines(book.surplus),
    });
  }
  for (const assetId of state.collateral?.receipts ?? [input.assetId]) {
    await acts.dischargePledge({
      financingId: input.financingId,
      ref: input.ref,
      bankId: input.bankId,
      assetType: input.assetType,
      assetId,
    });
  }
  await acts.releaseLimitTo({ financingId: input.financingId, ref: input.ref, bankId: input.bankId, outstanding: '0.00' });
  move('closed');
  state.ageing = 'CURRENT';
  await record('closed', SYSTEM, { surplus: book.surplus });
}
