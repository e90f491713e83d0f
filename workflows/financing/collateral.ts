import { Dec, Money } from '@caravan/money';
import type { LoanBook } from '@caravan/financing/workflow';
import { acts, FinancingRun, SYSTEM } from './run';

/**
 * A margin call when the loan-to-value rises above the maintenance line; cured when it is
 * back within the LTV line (by a repayment or more receipts); escalated at the cure deadline.
 */
export async function checkCoverage(run: FinancingRun, book: LoanBook): Promise<void> {
  const { input, state, record } = run;
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
