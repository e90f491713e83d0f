import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import { addDays, ageing, applyPayment, fallDue, LoanBook, settled } from '@caravan/financing/workflow';
import { accrualLines, repaymentLines, surplusPayoutLines } from '@caravan/ledger/workflow';
import { Money } from '@caravan/money';
import { checkCoverage } from './collateral';
import { acts, FinancingRun, FinancingWorkflow, settlement, SYSTEM } from './run';

/** Instalments fall due on durable timers; payments are allocated as they come. */
export async function repay(run: FinancingRun): Promise<void> {
  const { input, state, record, payments, allocations, securedByGoods } = run;
  let book = state.book as LoanBook;
  const dayNow = () => Math.floor((Date.now() - run.disbursedAtMs) / input.dayMs);
  const msUntilDay = (day: number) => Math.max(0, run.disbursedAtMs + day * input.dayMs - Date.now());
  const base = { financingId: input.financingId, ref: input.ref, bankId: input.bankId };
  /** Books the interest and penalty that fell due in the book since `before` (paid at once or not). */
  const bookAccrued = async (before: LoanBook, after: LoanBook, paid: { interest: string; penalty: string }, key: string, valueDate: string) => {
    const delta = (k: 'interest' | 'penalty') => Money.of(after.due[k]).plus(Money.of(paid[k])).minus(Money.of(before.due[k])).toString();
    const lines = accrualLines(delta('interest'), delta('penalty'));
    if (lines.length > 0) await acts.postLedger({ key, ref: input.ref, bankId: input.bankId, kind: 'accrual', valueDate, lines });
  };

  // Goods lose value when prices fall: their cover is checked every business day.
  let nextCoverageCheck = 0;
  const wake = () => payments.length > 0 || run.recheckCollateral;
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
        await bookAccrued(before, book, allocation, `${input.ref}/accrual/${payment.reference}`, addDays(run.startDate, dayNow()));
        await acts.postLedger({
          key: `${input.ref}/repayment/${payment.reference}`,
          ref: input.ref,
          bankId: input.bankId,
          kind: 'repayment',
          valueDate: addDays(run.startDate, dayNow()),
          lines: repaymentLines(allocation.amount, allocation, allocation.surplus),
        });
        await acts.releaseLimitTo({ ...base, outstanding: book.outstanding });
        await record('payment.allocated', SYSTEM, { ...allocation });
      }
      allocations.set(payment.reference, allocation ?? null);
    }
    state.book = book;
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
    if (changed && bucket === '1-30' && input.product === 'RECEIVABLE_FINANCING' && patched('recourse-events')) {
      // The buyer did not pay: with recourse the SME now owes the bank; without, the bank bears it.
      await record(input.terms.recourse ? 'recourse.claimed' : 'buyer.default', SYSTEM, { outstanding: book.outstanding, smeId: input.smeId });
    }
    const { continueAsNewSuggested, historyLength } = workflowInfo();
    if (continueAsNewSuggested || (input.historyLimit !== undefined && historyLength > input.historyLimit)) {
      await condition(allHandlersFinished);
      await continueAsNew<FinancingWorkflow>(input, { state, seq: run.seq, disbursedAtMs: run.disbursedAtMs, startDate: run.startDate });
    }
  }
  await close(run, book);
}

/** Settled: the surplus goes to the SME, the pledge is discharged, the limit released. */
async function close(run: FinancingRun, book: LoanBook): Promise<void> {
  const { input, state, record, move } = run;
  if (book.surplus !== '0.00') {
    const payout = `${input.ref}/surplus`;
    await acts.instructPayment({ instructionId: payout, bankId: input.bankId, amount: book.surplus, currency: input.currency, beneficiaryId: input.smeId, purpose: `Surplus ${input.ref}` });
    await settlement.awaitSettlement({ instructionId: payout, bankId: input.bankId });
    await acts.postLedger({ key: payout, ref: input.ref, bankId: input.bankId, kind: 'surplus', valueDate: addDays(run.startDate, Math.floor((Date.now() - run.disbursedAtMs) / input.dayMs)), lines: surplusPayoutLines(book.surplus) });
  }
  for (const assetId of state.collateral?.receipts ?? [input.assetId]) {
    await acts.dischargePledge({ financingId: input.financingId, ref: input.ref, bankId: input.bankId, assetType: input.assetType, assetId });
  }
  await acts.releaseLimitTo({ financingId: input.financingId, ref: input.ref, bankId: input.bankId, outstanding: '0.00' });
  move('closed');
  state.ageing = 'CURRENT';
  await record('closed', SYSTEM, { surplus: book.surplus });
}
