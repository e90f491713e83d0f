import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Approval, ApprovalTier, Recommendation } from '../domain/approval';
import type { AgeingBucket, Allocation, LoanBook } from '../domain/loan-book';
import type { Product, ProductConventions } from '../domain/products';
import type { Amortisation, RepaymentFrequency } from '../domain/schedule-terms';
import type { Component, DayCount, RepaymentMethod, Schedule } from '../domain/schedule';

export type { Product } from '../domain/products';

// The contract between the API, the worker and the financing workflow; workflow-safe.

export const FINANCING_WORKFLOW = 'financingWorkflow';

/** A financing's terms, fixed when it is applied for: its bank's product (price and conventions) and the SME's choice. */
export interface FinancingTerms extends ProductConventions {
  annualRate: string;
  penaltyRate: string;
  graceDays: number;
  dayCount: DayCount;
  /** The first three methods keep this field; the others are `amortisation`. */
  method?: RepaymentMethod;
  amortisation?: Amortisation;
  repaymentFrequency?: RepaymentFrequency;
  instalments: number;
  upfrontFeeRate: string;
  /** The advance rate (receivables) or loan-to-value (receipts) the amount must stay within. */
  maxFinancingRatio: string;
  /** Warehouse-receipt loans: above this loan-to-value a margin call is made. */
  maintenanceLtv?: string;
  /** The order payments pay what is due in; penalty, fee, interest, principal by default. */
  allocationOrder?: Component[];
  /** Receivable financing: the invoice's due date, when the buyer pays. */
  maturityDate?: string;
  recourse?: boolean;
}

/** How long each human step may take, in business days, before reminder, escalation, expiry. */
export interface Deadlines {
  counterparty: number;
  recommendation: number;
  approval: number;
  acceptance: number;
  /** Reminder this many days before each instalment falls due. */
  repaymentReminder: number;
  /** Days the SME has to cure a margin call (warehouse-receipt loans). */
  marginCure?: number;
}

export interface FinancingInput {
  financingId: string;
  ref: string;
  product: Product;
  smeId: string;
  bankId: string;
  /** Who must confirm: the debtor (receivable) or the custodian (warehouse receipt). */
  counterpartyId: string;
  assetType: 'RECEIVABLE' | 'WAREHOUSE_RECEIPT';
  assetId: string;
  amount: string;
  currency: string;
  terms: FinancingTerms;
  tiers: ApprovalTier[];
  limitSubjects: Array<{ kind: string; subject: string }>;
  deadlines: Deadlines;
  /** Length of one business day in milliseconds: 86,400,000 in production, less in tests. */
  dayMs: number;
  /** The banks' time zone (BUSINESS_TIMEZONE), whose dates the schedule is in; absent for financings started before, which date in UTC. */
  timeZone?: string;
  /** Continue-as-new past this many history events (besides Temporal's own suggestion). */
  historyLimit?: number;
}

export type FinancingStage =
  | 'ELIGIBILITY'
  | 'AWAITING_COUNTERPARTY'
  | 'AWAITING_RECOMMENDATION'
  | 'AWAITING_APPROVAL'
  | 'AWAITING_ACCEPTANCE'
  | 'DISBURSING'
  | 'REPAYING'
  | 'CLOSED'
  | 'INELIGIBLE'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'EXPIRED'
  | 'DISBURSEMENT_FAILED';

export interface FinancingState {
  stage: FinancingStage;
  /** Whose move it is and until when (workflow time, ISO). */
  waitingFor?: { step: string; deadline: string };
  acknowledgedBy?: string;
  recommendation?: Recommendation;
  approvals: Approval[];
  approvalsNeeded: number;
  acceptedBy?: string;
  /** The start date the SME accepted the schedule from: the loan is booked from it (see the README's re-base rule). */
  acceptedStartDate?: string;
  reason?: string;
  schedule?: Schedule;
  book?: LoanBook;
  ageing?: AgeingBucket;
  disbursedAt?: string;
  /** Warehouse-receipt loans: the receipts pledged and how well they cover the loan. */
  collateral?: { receipts: string[]; value?: string; ltv?: string };
  marginCall?: { status: 'OPEN' | 'CURED' | 'DEFAULTED'; since: string; cureBy: string; ltv: string };
  /** The disbursement as the bank's statement shows it, once reconciliation matched it. */
  disbursementConfirmed?: BankConfirmation;
}

/** A person acting through the portal, as the API (which authenticated them) states it. */
export interface Act {
  userId: string;
  name: string;
  organisationId: string;
  comment?: string;
}

export interface ApproveAct extends Act {
  /** The approver's authority, CNY, read by the API from the approver's record. */
  authority: string;
}

export interface AcceptAct extends Act {
  /** The business date the accepted schedule starts on, the API's today when the SME accepted; absent in acceptances from before. */
  startDate?: string;
}

export interface ReleaseGoodsAct extends Act {
  receiptId: string;
  quantity: string;
}

export interface TopUpAct extends Act {
  receiptId: string;
}

export interface BankConfirmation {
  /** The statement line that shows it. */
  reference: string;
  amount: string;
  bookedOn: string | null;
}

export interface PaymentAct {
  reference: string;
  amount: string;
  /** The day the money was the bank's (the statement's value date, or given with a hand recording). */
  valueDate?: string;
  /** The bank's business date when the payment was told to the financing: a payment learnt of late is valued back. */
  receivedOn?: string;
}

export const acknowledgeUpdate = defineUpdate<FinancingState, [Act]>('acknowledge');
export const recommendUpdate = defineUpdate<FinancingState, [Act]>('recommend');
export const approveUpdate = defineUpdate<FinancingState, [ApproveAct]>('approve');
export const rejectUpdate = defineUpdate<FinancingState, [Act]>('reject');
export const withdrawUpdate = defineUpdate<FinancingState, [Act]>('withdraw');
export const acceptUpdate = defineUpdate<FinancingState, [AcceptAct]>('accept');
export const releaseGoodsUpdate = defineUpdate<FinancingState, [ReleaseGoodsAct]>('releaseGoods');
export const topUpUpdate = defineUpdate<FinancingState, [TopUpAct]>('topUpCollateral');
export const paymentUpdate = defineUpdate<Allocation | null, [PaymentAct]>('recordPayment');
/** Reconciliation found the disbursement on the bank's statement. */
export const disbursementConfirmedSignal = defineSignal<[BankConfirmation]>('disbursementConfirmed');
export const financingStateQuery = defineQuery<FinancingState>('financingState');

export function financingWorkflowId(ref: string): string {
  return `financing/${ref}`;
}
