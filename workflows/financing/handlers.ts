import { condition, setHandler } from '@temporalio/workflow';
import {
  acceptUpdate,
  acknowledgeUpdate,
  approvalRefusal,
  approvalRefused,
  approveUpdate,
  disbursementConfirmedSignal,
  FinancingErrors,
  financingStateQuery,
  paymentUpdate,
  recommendUpdate,
  rejectUpdate,
  releaseGoodsUpdate,
  topUpUpdate,
  withdrawUpdate,
  withinAuthority,
} from '@caravan/financing/workflow';
import { AMOUNT } from '@caravan/money';
import { acts, expectOrg, FinancingRun, refuse } from './run';
import { BEFORE_APPROVAL, REJECTABLE } from './stages';

// How the parties reach a running financing: its state read, the bank's confirmation of the
// money's arrival, and the updates each party sends, each validated before it is accepted.

export function registerHandlers(run: FinancingRun): void {
  registerQueryAndSignal(run);
  registerDecisions(run);
  registerRepaymentRequests(run);
}

function registerQueryAndSignal(run: FinancingRun): void {
  const { state, record } = run;
  setHandler(financingStateQuery, () => state);
  // Informational: the money left as instructed. A signal never sent before this handler
  // existed, so recorded histories replay unchanged.
  setHandler(disbursementConfirmedSignal, async (confirmation) => {
    if (state.disbursementConfirmed) return;
    state.disbursementConfirmed = confirmation;
    await record('disbursement.confirmed', 'system:reconciliation', { ...confirmation });
  });
}

/** The counterparty's confirmation, the bank's recommendation, approvals and rejection, the SME's withdrawal and acceptance. */
function registerDecisions(run: FinancingRun): void {
  const { input, state, record, move, expectStage } = run;
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
        if (refusal) refuse(approvalRefused(refusal));
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
        if (!act.comment?.trim()) refuse(FinancingErrors.REASON_REQUIRED('a rejection needs a reason', 'reason'));
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
      state.acceptedStartDate = act.startDate;
      await record('offer.accepted', act.name, act.startDate ? { startDate: act.startDate } : {});
      return state;
    },
    { validator: (act) => (expectStage('AWAITING_ACCEPTANCE'), expectOrg(act, input.smeId)) },
  );
}

/** Payments to allocate, goods released from the pledge and receipts added to it, while the loan is repaying. */
function registerRepaymentRequests(run: FinancingRun): void {
  const { input, state, record, expectStage, payments, allocations, securedByGoods } = run;
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
        if (!AMOUNT.test(payment.amount)) refuse(FinancingErrors.BAD_PAYMENT('amount must be a positive decimal string', 'amount'));
        if (!payment.reference?.trim()) refuse(FinancingErrors.BAD_PAYMENT('a payment needs its bank reference', 'reference'));
        for (const field of ['valueDate', 'receivedOn'] as const)
          if (payment[field] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(payment[field]))
            refuse(FinancingErrors.BAD_PAYMENT(`${field} must be a date (YYYY-MM-DD)`, field));
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
      run.recheckCollateral = true;
      await record('goods.released', act.name, { receiptId: act.receiptId, quantity: act.quantity });
      return state;
    },
    {
      validator: (act) => {
        expectStage('REPAYING');
        if (act.organisationId !== input.smeId && act.organisationId !== input.counterpartyId)
          refuse(FinancingErrors.NOT_YOURS('only the borrower or the custodian releases goods'));
        if (!state.collateral?.receipts.includes(act.receiptId))
          refuse(FinancingErrors.NOT_COLLATERAL('this receipt does not secure this financing', 'receiptId'));
        if (!/^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,4})?$/.test(act.quantity))
          refuse(FinancingErrors.BAD_QUANTITY('quantity must be a positive decimal string', 'quantity'));
      },
    },
  );
  setHandler(
    topUpUpdate,
    async (act) => {
      await acts.registerPledge({
        financingId: input.financingId,
        ref: input.ref,
        bankId: input.bankId,
        assetType: 'WAREHOUSE_RECEIPT',
        assetId: act.receiptId,
      });
      state.collateral!.receipts.push(act.receiptId);
      run.recheckCollateral = true;
      await record('collateral.topped.up', act.name, { receiptId: act.receiptId });
      return state;
    },
    {
      validator: (act) => {
        expectStage('REPAYING');
        expectOrg(act, input.smeId);
        if (!securedByGoods) refuse(FinancingErrors.NOT_COLLATERAL('only warehouse-receipt loans take more receipts', 'receiptId'));
        if (state.collateral?.receipts.includes(act.receiptId))
          refuse(FinancingErrors.NOT_COLLATERAL('this receipt already secures this financing', 'receiptId'));
      },
    },
  );
}
