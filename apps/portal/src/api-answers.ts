// What the API answers where its OpenAPI document describes no response (no response schema on
// the operation): the portal's own types for those answers, keyed by method and path. api.ts
// hands them out as those calls' answers, and fails to compile when the document comes to
// describe one of them (delete the entry then, and use the document's schema). Everything else
// the portal reads is typed from the document (api-schema.ts).

import type { components } from './api-schema';

/** A page of a list, as every list of the API answers it (`?limit=&offset=`). */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Financing {
  id: string;
  ref: string;
  /** What the payer quotes (ISO 11649); null for financings from before it existed. */
  paymentReference: string | null;
  product: string;
  smeId: string;
  bankId: string;
  counterpartyId: string;
  assetType: string;
  assetId: string;
  amount: string;
  currency: string;
  stage: string;
  reason: string | null;
  state: FinancingState | null;
  createdAt: string;
  /** For an approver of its bank: whether their approval would count now, and if not why (a code). */
  yourApproval?: { counts: boolean; reason: string | null };
}

/** One financing as `GET /financings/:id` tells it: the row, and what is awaited, paid and owed. */
export interface FinancingDetail extends Financing {
  /** Who must act next (the organisation and the roles of its people who may) and by when. */
  awaiting: Awaiting | null;
  /** While it is repaid: where and how the payer pays. */
  paymentInstructions: PaymentInstructions | null;
  /** Each schedule line with its status and what was paid, when. */
  instalments: Instalment[];
  surplusPayouts: Array<{ amount: string; status: 'PENDING' | 'PAID'; paidOn: string | null }>;
  /** While the SME may accept: the schedule booked if accepted today (the quote's terms re-based to today), with its rates. */
  offer: {
    startDate: string;
    annualRate: string;
    penaltyRate: string;
    upfrontFeeRate: string;
    dayCount: string;
    schedule: Schedule;
  } | null;
  /** Every payment the loan took: its value date and what it paid. */
  payments: Array<{
    reference: string;
    valueDate: string;
    amount: string;
    penalty: string;
    interest: string;
    principal: string;
    surplus: string;
  }>;
  /** For its SME and bank: the contract kept with it once accepted, before that the bank's in force; null when there is none. */
  contract: {
    version: number;
    name: string;
    sha256: string;
    kept: { version: number; sha256: string; acceptedBy: string; acceptedAt: string } | null;
  } | null;
}

export interface Awaiting {
  step: string;
  organisationId: string;
  organisation: string;
  roles: string[];
  /** A person's step: an instant; a payment: a date. */
  deadline: string;
}

export interface PaymentInstructions {
  payer: { organisationId: string; name: string };
  accountName: string | null;
  accountNumber: string | null;
  bank: string;
  reference: string;
  currency: string;
  awaited: Array<components['schemas']['AwaitedMovementView']>;
}

export type InstalmentStatus = 'UPCOMING' | 'DUE' | 'PARTLY_PAID' | 'PAID' | 'OVERDUE';

export interface Instalment {
  number: number;
  dueDate: string;
  status: InstalmentStatus;
  due: { principal: string; interest: string };
  paid: { principal: string; interest: string; penalty: string };
  paidOn: string[];
}

export interface FinancingState {
  stage: string;
  waitingFor?: { step: string; deadline: string };
  acknowledgedBy?: string;
  recommendation?: { by: string; at: string; comment?: string };
  approvals: Array<{ by: string; authority: string; at: string; comment?: string; counts: boolean }>;
  approvalsNeeded: number;
  schedule?: Schedule;
  book?: {
    fallenDue: number;
    outstanding: string;
    due: { penalty: string; interest: string; principal: string };
    overdueSince: number | null;
    surplus: string;
    lines: Array<{ number: number; principal: string }>;
  };
  ageing?: string;
  disbursedAt?: string;
  collateral?: { receipts: string[]; value?: string; ltv?: string };
  marginCall?: { status: string; since: string; cureBy: string; ltv: string };
}

export interface Schedule {
  lines: Array<{ number: number; dueDate: string; principal: string; interest: string; payment: string }>;
  fee: string;
  totalPrincipal: string;
  totalInterest: string;
  totalPayable: string;
}

/** 试算: what the terms would book, and the most that can be financed. */
export interface Trial {
  /** The quote the application refers to; it holds through validThrough (a business date). */
  quoteId: string;
  policyVersion: number;
  startDate: string;
  validThrough: string;
  schedule: Schedule;
  maxAmount: string;
  terms: { annualRate: string; upfrontFeeRate: string; dayCount: string; method: string; graceDays: number };
}

/** Who did a step: a person by name, the role they acted in and their organisation; the platform (SYSTEM) by no name. */
export interface StepActor {
  kind: 'PERSON' | 'SYSTEM';
  name: string | null;
  role: string | null;
  organisation: string | null;
}

/** A step of a financing's timeline. */
export interface TimelineEvent {
  seq: number;
  step: string;
  actor: StepActor;
  detail: Record<string, unknown>;
  at: string;
}

/** A change that awaits a second person. */
export interface ApprovalRequest {
  id: string;
  kind: string;
  reason: string | null;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED' | 'FAILED';
  decidedByName: string | null;
}

/** A bank statement an upload imported. */
export interface StatementImport {
  bankStatementId: string;
  entries: number;
  newLines: number;
}

/** A reconciliation run and how far it got. */
export interface Run {
  id: string;
  status: string;
  total: number;
  processed: number;
  matched: number;
  suggested: number;
  trigger: string;
  startedAt: string;
}

/** A statement line nothing matched, with the matcher's suggestions and open expectations. */
export interface ExceptionLine {
  lineId: string;
  /** UNMATCHED in the queue; MATCHED or WRITTEN_OFF once a person handled it. */
  status: 'UNMATCHED' | 'MATCHED' | 'WRITTEN_OFF';
  account: string;
  amount: string;
  currency: string;
  direction: string;
  endToEndId: string | null;
  counterparty: string | null;
  remittance: string | null;
  bookedOn: string | null;
  ageDays: number;
  suggestions: Array<{
    decisionId: string;
    method: string;
    confidence: string;
    links: Array<{ endToEndId: string | null; financingRef: string | null; amount: string }>;
  }>;
  candidates: Array<{
    expectedId: string;
    endToEndId: string;
    financingRef: string;
    kind: string;
    remaining: string;
    counterparty: string | null;
  }>;
}

/** A match decision: lines, what they settled, who decided. */
export interface Decision {
  id: string;
  method: string;
  confidence: string;
  status: string;
  writtenOff: string;
  decidedAt: string;
  decidedBy: string;
  links: Array<{ lineId: string; amount: string; endToEndId: string | null; financingRef: string | null; account: string }>;
}

/** A line of the daily reconciliation report: one account on one day. */
export interface ReportRow {
  account: string;
  day: string;
  matchedCount: number;
  matchedSum: string;
  unmatchedCount: number;
  unmatchedSum: string;
  bankBalance: string;
  ledgerBalance: string | null;
  difference: string | null;
}

/** A bank account of the reader's bank: the ledger account it reconciles against, and the holder's name payers write. */
export interface BankAccount {
  account: string;
  ledgerAccount: string;
  currency: string;
  name: string | null;
  /** The character set its MT940 and CSV files come in; null: detected from each file. */
  statementEncoding?: string | null;
}

/** One change in the audit trail: who (a person's e-mail or the platform's label), what, on which object, when. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorOrganisationId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
}

/** A bank account's standing rule: lines with its code or text are booked to charges or interest. */
export interface StatementRule {
  id: string;
  account: string;
  name: string;
  bankTransactionCode: string | null;
  textContains: string | null;
  direction: 'CRDT' | 'DBIT' | null;
  ledgerAccount: 'BANK_CHARGES' | 'BANK_INTEREST';
}

/** The answers the portal reads that the document does not describe, by `<method> <path>`. */
export interface Undocumented {
  'get /approval-requests': Page<ApprovalRequest>;
  'get /financings': Page<Financing>;
  'post /financings': Financing;
  'get /financings/{id}': FinancingDetail;
  'get /financings/{id}/timeline': TimelineEvent[];
  'post /financings/trial': Trial;
  'post /statements': StatementImport[];
  'get /statements/exceptions': Page<ExceptionLine>;
  'get /reconciliation/runs': Page<Run>;
  'post /reconciliation/runs': Run;
  'get /reconciliation/runs/{id}': Run;
  'get /reconciliation/matches': Page<Decision>;
  'get /reconciliation/report': ReportRow[];
  'get /reconciliation/accounts': BankAccount[];
  'get /reconciliation/accounts/{account}/rules': StatementRule[];
  'get /audit-events': Page<AuditEvent>;
  'get /warehouse-receipts/{id}': components['schemas']['WarehouseReceiptView'];
}
