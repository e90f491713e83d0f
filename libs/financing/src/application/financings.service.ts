import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { BusinessClock } from '@caravan/clock';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import type { Listing, Queue } from '@caravan/http';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { OrganisationDirectory } from '@caravan/identity';
import { Actor, actorName, dataScopeOf, isOperatorReader, OrganisationKind, Role } from '@caravan/access';
import { Money } from '@caravan/money';
import { eligibleAmount, ReceivablesService } from '@caravan/receivables';
import {
  acceptUpdate,
  acknowledgeUpdate,
  Act,
  approveUpdate,
  FINANCING_WORKFLOW,
  FinancingInput,
  FinancingState,
  financingWorkflowId,
  FinancingTerms,
  paymentUpdate,
  Product,
  recommendUpdate,
  rejectUpdate,
  releaseGoodsUpdate,
  topUpUpdate,
  withdrawUpdate,
} from '../api/financing.contract';
import { domainErrorFrom } from '@caravan/temporal';
import { WarehouseReceiptsService } from '@caravan/warehouse-receipts';
import { approvalOutlook } from '../domain/approval';
import { limitSubjectsOf } from '../domain/decision';
import { AssetFacts, eligibility } from '../domain/eligibility';
import type { Allocation } from '../domain/loan-book';
import { newPaymentReference } from '../domain/payment-reference';
import { PRODUCTS, repaymentOf } from '../domain/products';
import type { Schedule } from '../domain/schedule';
import { addDays } from '../domain/calendar';
import { Quote, QuotedApplication, quoteRefusal } from './quote';
import { bookedSchedule } from './booked-schedule';
import { FinancingContracts } from './financing-contracts';
import { FinancingPolicies } from './financing-policies';
import { termsOfProduct } from './financing-policy';
import { FinancingErrors } from '../domain/financing.errors';
import {
  FinancingEvent,
  FinancingRow,
  financingExists,
  findEvents,
  findFinancing,
  FinancingSort,
  findFinancings,
  findLoanTerms,
  insertFinancing,
  nextRefNumber,
  Side,
} from '../infrastructure/financing.repository';
import { approvalAuthorityOf } from '../infrastructure/party.repository';
import { findQuote, insertQuote, useQuote } from '../infrastructure/quote.repository';

// What the service answers, typed where the rows are read.
export type { FinancingRow } from '../infrastructure/financing.repository';

/** What an SME asks a trial for: the same as what it then applies with (quote.ts). */
export type Application = QuotedApplication;

export type Action = 'acknowledge' | 'recommend' | 'approve' | 'reject' | 'withdraw' | 'accept' | 'releaseGoods' | 'topUp';

const UPDATES = {
  acknowledge: acknowledgeUpdate,
  recommend: recommendUpdate,
  approve: approveUpdate,
  reject: rejectUpdate,
  withdraw: withdrawUpdate,
  accept: acceptUpdate,
  releaseGoods: releaseGoodsUpdate,
  topUp: topUpUpdate,
};
const notFound = (id: string) => FinancingErrors.NOT_FOUND(`financing ${id} not found`);

export const HAND_RECORDED_PAYMENT = 'financing.payment';

interface PaymentClaim {
  financingId: string;
  ref: string;
  reference: string;
  amount: string;
  valueDate?: string;
}

/**
 * SMEs see their applications, banks those addressed to them, counterparties those they
 * confirm; row-level security on the same columns holds it should a query forget. The
 * operator's readers see every financing (no side), its other people none (null).
 */
function sideOf(actor: Actor): Side | undefined | null {
  switch (actor.organisationKind) {
    case OrganisationKind.OPERATOR:
      return isOperatorReader(actor) ? undefined : null;
    case OrganisationKind.SME:
      return 'SME';
    case OrganisationKind.BANK:
      return 'BANK';
    default:
      return 'COUNTERPARTY';
  }
}

/** The stages at which a financing waits for this person's move: their to-do list. */
function todoStages(actor: Actor, side: Side | undefined): string[] {
  if (side === 'SME') return ['AWAITING_ACCEPTANCE'];
  if (side === 'COUNTERPARTY') return ['AWAITING_COUNTERPARTY'];
  if (side !== 'BANK') return [];
  return [
    ...(actor.roles.includes(Role.CREDIT_OFFICER) ? ['AWAITING_RECOMMENDATION'] : []),
    ...(actor.roles.includes(Role.APPROVER) ? ['AWAITING_APPROVAL'] : []),
  ];
}

@Injectable()
export class FinancingsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly db: ScopedDatabase,
    private readonly client: Client,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly organisations: OrganisationDirectory,
    private readonly receivables: ReceivablesService,
    private readonly receipts: WarehouseReceiptsService,
    private readonly policies: FinancingPolicies,
    private readonly dualControl: DualControl,
    private readonly clock: BusinessClock,
    private readonly contracts: FinancingContracts,
  ) {}

  /** A payment recorded by hand (no statement line shows it): a second person of the bank confirms it. */
  onModuleInit(): void {
    this.dualControl.register({
      kind: HAND_RECORDED_PAYMENT,
      makers: [Role.BACK_OFFICE, Role.TREASURY],
      checkers: [Role.BACK_OFFICE, Role.TREASURY],
      apply: async (em, request: DualControlRequest<PaymentClaim>) => {
        if (!(await financingExists(em, request.payload.financingId))) throw notFound(request.payload.financingId);
      },
      afterCommit: (request: DualControlRequest<PaymentClaim>) => this.forwardPayment(request.payload),
    });
  }

  /**
   * 试算: the schedule the bank's pricing in force gives for these terms from today, kept as a
   * quote (its policy version and terms) the application then refers to.
   */
  async trial(actor: Actor, application: Application): Promise<QuoteView> {
    const { input, maxAmount, policyVersion } = await this.prepare(actor, application);
    const today = this.clock.today();
    const quote: Quote = {
      quoteId: randomUUID(),
      smeId: actor.organisationId,
      bankId: input.bankId,
      product: input.product,
      assetId: input.assetId,
      amount: input.amount,
      currency: input.currency,
      maxAmount,
      policyVersion,
      terms: input.terms,
      tiers: input.tiers,
      deadlines: input.deadlines,
      startDate: today,
      schedule: bookedSchedule(input, today),
      validThrough: addDays(today, this.config.FINANCING_QUOTE_VALID_DAYS),
      financingId: null,
    };
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await insertQuote(em, quote, actorName(actor));
      await this.audit.record(em, {
        actor,
        action: 'financing.quote',
        entityType: 'financing_quote',
        entityId: quote.quoteId,
        after: quote,
      });
    });
    return viewOf(quote);
  }

  /** A quote the caller's SME asked for; anyone else's reads as missing. */
  async quote(actor: Actor, id: string): Promise<QuoteView> {
    const quote = await this.db.transaction(dataScopeOf(actor), (em) => findQuote(em, id, actor.organisationId));
    if (!quote) throw FinancingErrors.QUOTE_NOT_FOUND(`quote ${id} not found`);
    return viewOf(quote);
  }

  /**
   * The SME applies with a quote it holds: the financing keeps the quote's policy version and
   * terms (the pricing in force is not read again); the asset is checked again. The row, the
   * quote's use and the workflow start commit together. The reference comes from a sequence;
   * should Temporal still hold a workflow under it (a database restored or rebuilt beside a
   * Temporal that kept its history), the next number is taken.
   */
  async apply(actor: Actor, application: QuotedApplication & { quoteId: string }): Promise<FinancingRow> {
    const quote = await this.db.transaction(dataScopeOf(actor), (em) => findQuote(em, application.quoteId, actor.organisationId));
    if (!quote) throw FinancingErrors.QUOTE_NOT_FOUND(`quote ${application.quoteId} not found`, 'quoteId');
    const refusal = quoteRefusal(quote, application, this.clock.today());
    if (refusal) throw refusal;
    const input = await this.inputOf(actor, quote);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction(dataScopeOf(actor), async (em) => {
          const n = await nextRefNumber(em);
          input.ref = `${PRODUCTS[input.product].refPrefix}-${this.clock.today().slice(0, 4)}-${n.padStart(6, '0')}`;
          await insertFinancing(em, input, newPaymentReference(), quote.policyVersion);
          if (!(await useQuote(em, quote.quoteId, input.financingId))) {
            throw FinancingErrors.QUOTE_USED(`quote ${quote.quoteId} was applied with already`, 'quoteId');
          }
          await this.audit.record(em, {
            actor,
            action: 'financing.apply',
            entityType: 'financing',
            entityId: input.financingId,
            after: { ...input, policyVersion: quote.policyVersion, quoteId: quote.quoteId },
          });
          await this.client.workflow.start(FINANCING_WORKFLOW, {
            taskQueue: this.config.TEMPORAL_TASK_QUEUE,
            workflowId: financingWorkflowId(input.ref),
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            args: [input],
          });
        });
        return this.get(actor, input.financingId);
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError) || attempt >= 10) throw e;
      }
    }
  }

  async list(actor: Actor, filter: { stage?: string; queue?: Queue }, listing: Listing<FinancingSort>): Promise<[FinancingRow[], number]> {
    const side = sideOf(actor);
    if (side === null) return [[], 0];
    const queue = filter.queue && { stages: todoStages(actor, side), done: filter.queue === 'done' };
    return this.db.transaction(dataScopeOf(actor), (em) =>
      findFinancings(em, { side, organisationId: actor.organisationId }, { stage: filter.stage, queue }, listing),
    );
  }

  async get(actor: Actor, id: string): Promise<FinancingRow> {
    const row = await this.db.transaction(dataScopeOf(actor), (em) => this.getWithin(em, actor, id));
    if (!actor.roles.includes(Role.APPROVER) || row.bankId !== actor.organisationId) return row;
    const state = row.state as Pick<FinancingState, 'recommendation' | 'approvals'> | null;
    return {
      ...row,
      yourApproval: approvalOutlook(
        actor.userId,
        row.amount,
        await this.authorityOf(actor.userId),
        state?.recommendation,
        state?.approvals ?? [],
      ),
    };
  }

  /** Every step, who, when: the portal's timeline. */
  async timeline(actor: Actor, id: string): Promise<FinancingEvent[]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      await this.getWithin(em, actor, id);
      return findEvents(em, id);
    });
  }

  private async getWithin(em: EntityManager, actor: Actor, id: string): Promise<FinancingRow> {
    const side = sideOf(actor);
    if (side === null) throw notFound(id);
    const row = await findFinancing(em, id, { side, organisationId: actor.organisationId });
    if (!row) throw notFound(id);
    return row;
  }

  /**
   * A person's step: the workflow's validator answers at once, yes or a coded no. With the
   * request's Idempotency-Key the update has an id of its own, so a retry after a lost answer
   * gets the first outcome from Temporal instead of running the step again.
   */
  async act(
    actor: Actor,
    id: string,
    action: Action,
    comment?: string,
    details: Record<string, string> = {},
    requestKey?: string,
  ): Promise<FinancingRow> {
    await this.execute(actor, await this.get(actor, id), action, comment, details, requestKey);
    return this.get(actor, id);
  }

  private async execute(
    actor: Actor,
    financing: FinancingRow,
    action: Action,
    comment: string | undefined,
    details: Record<string, string>,
    requestKey?: string,
  ): Promise<void> {
    const act: Act = { userId: actor.userId, name: actor.email, organisationId: actor.organisationId, comment, ...details };
    const args = action === 'approve' ? [{ ...act, authority: await this.authorityOf(actor.userId) }] : [act];
    const updateId = requestKey ? `${action}/${actor.userId}/${requestKey}` : undefined;
    await this.update(financing.ref, () =>
      this.client.workflow
        .getHandle(financingWorkflowId(financing.ref))
        .executeUpdate(UPDATES[action] as typeof acknowledgeUpdate, { args: args as [Act], updateId }),
    );
  }

  /**
   * What the SME accepts: the financing's terms (its quote's) re-based to start today, the
   * business date the loan will be booked from if accepted now (README: the re-base rule).
   */
  async offer(actor: Actor, id: string): Promise<Offer> {
    const loan = await this.db.transaction(dataScopeOf(actor), async (em) => {
      await this.getWithin(em, actor, id);
      return findLoanTerms(em, id);
    });
    if (!loan) throw notFound(id);
    const startDate = this.clock.today();
    const { annualRate, penaltyRate, upfrontFeeRate, dayCount } = loan.terms;
    return { startDate, annualRate, penaltyRate, upfrontFeeRate, dayCount, schedule: bookedSchedule(loan, startDate) };
  }

  /**
   * The SME accepts the offer it was shown: the acceptance fixes the start date, so the workflow
   * books exactly that schedule. Shown another day's offer (midnight passed), it reads again.
   * The contract it read (its sha256) is kept with the financing in the acceptance's transaction.
   */
  async accept(
    actor: Actor,
    id: string,
    shown: { comment?: string; startDate?: string; contractSha256?: string },
    requestKey?: string,
  ): Promise<FinancingRow> {
    const { startDate } = await this.offer(actor, id);
    if (shown.startDate !== undefined && shown.startDate !== startDate) {
      throw FinancingErrors.OFFER_CHANGED(`the offer now starts on ${startDate}, not ${shown.startDate}`, 'startDate');
    }
    const financing = await this.get(actor, id);
    const contract = await this.contracts.toAccept(actor, financing, shown.contractSha256);
    const accept = () => this.execute(actor, financing, 'accept', shown.comment, { startDate }, requestKey);
    await (contract ? this.contracts.keep(actor, financing, contract, accept) : accept());
    return this.get(actor, id);
  }

  /**
   * A payment into the collection account that no statement line shows yet, recorded by hand:
   * it reaches the financing only when a second person of the bank approves the request. (With
   * a statement line as evidence, matching the line — POST /reconciliation/matches — needs no one else.)
   */
  async requestPayment(
    actor: Actor,
    id: string,
    { reference, amount, valueDate }: { reference: string; amount: string; valueDate?: string },
  ): Promise<DualControlRequest<PaymentClaim>> {
    if (valueDate && valueDate > this.clock.today()) throw FinancingErrors.BAD_PAYMENT('valueDate is after today', 'valueDate');
    const financing = await this.get(actor, id);
    const claim: PaymentClaim = { financingId: id, ref: financing.ref, reference, amount, valueDate };
    return this.dualControl.request(
      actor,
      HAND_RECORDED_PAYMENT,
      `${id}/${reference}`,
      claim,
      `payment ${reference} of ${amount} recorded by hand`,
    );
  }

  /** The approved payment goes to the workflow, which allocates it once per reference. */
  private forwardPayment(claim: PaymentClaim): Promise<Allocation | null> {
    return this.update(claim.ref, () =>
      this.client.workflow.getHandle(financingWorkflowId(claim.ref)).executeUpdate(paymentUpdate, {
        args: [{ reference: claim.reference, amount: claim.amount, valueDate: claim.valueDate, receivedOn: this.clock.today() }],
      }),
    );
  }

  private async update<T>(ref: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw FinancingErrors.NOT_AT_THIS_STEP(`financing ${ref} has ended`);
      throw domainErrorFrom(e) ?? e;
    }
  }

  private authorityOf(userId: string): Promise<string> {
    return approvalAuthorityOf(this.dataSource.manager, userId);
  }

  /** Checks the application against the asset and the bank's policy in force, and builds the workflow's input. */
  private async prepare(actor: Actor, a: Application): Promise<{ input: FinancingInput; maxAmount: string; policyVersion: number }> {
    if ((await this.organisations.kindOf(a.bankId)) !== OrganisationKind.BANK) {
      throw FinancingErrors.NOT_A_BANK('bankId must name a bank on the platform', 'bankId');
    }
    const policy = await this.policies.inForce(a.bankId);
    const product = PRODUCTS[a.product];
    const amount = Money.of(a.amount);
    const asset = await this.assess(actor, a.product, a.assetId, amount, policy[product.ratioCap]);
    const terms: FinancingTerms = {
      ...termsOfProduct(policy.pricing[a.product]),
      ...repaymentOf(a.product, a, policy.pricing[a.product].options),
      maturityDate: asset.maturityDate,
      maxFinancingRatio: policy[product.ratioCap],
      maintenanceLtv: product.securedByGoods ? policy.maintenanceLtv : undefined,
      allocationOrder: policy.allocationOrder,
      recourse: product.recourse ? (a.recourse ?? true) : undefined,
    };
    const input = this.inputFor(actor, a, amount, asset, { terms, tiers: policy.tiers, deadlines: policy.deadlines });
    return { maxAmount: asset.maxAmount, policyVersion: policy.version, input };
  }

  /** The workflow's input for an application with a quote: the quote's terms, tiers and deadlines, the asset checked again. */
  private async inputOf(actor: Actor, q: Quote): Promise<FinancingInput> {
    const amount = Money.of(q.amount, q.currency);
    const asset = await this.assess(actor, q.product, q.assetId, amount, q.terms.maxFinancingRatio);
    return this.inputFor(actor, q, amount, asset, q);
  }

  private inputFor(
    actor: Actor,
    a: { product: Product; assetId: string; bankId: string },
    amount: Money,
    asset: AssetAssessment,
    priced: Pick<FinancingInput, 'terms' | 'tiers' | 'deadlines'>,
  ): FinancingInput {
    return {
      financingId: randomUUID(),
      ref: '',
      product: a.product,
      smeId: actor.organisationId,
      bankId: a.bankId,
      counterpartyId: asset.counterpartyId,
      assetType: PRODUCTS[a.product].assetType,
      assetId: a.assetId,
      amount: amount.toString(),
      currency: amount.currency,
      terms: priced.terms,
      tiers: priced.tiers,
      limitSubjects: asset.limitSubjects,
      deadlines: priced.deadlines,
      dayMs: this.config.FINANCING_DAY_MS,
      timeZone: this.clock.timeZone,
      historyLimit: this.config.FINANCING_HISTORY_LIMIT,
    };
  }

  /** The asset as financing sees it: who confirms it, whose limits it takes, and whether it carries the amount at the ratio. */
  private async assess(actor: Actor, productName: Product, assetId: string, amount: Money, ratio: string): Promise<AssetAssessment> {
    const product = PRODUCTS[productName];
    let facts: AssetFacts;
    let assessment: Omit<AssetAssessment, 'maxAmount'>;
    if (product.assetType === 'RECEIVABLE') {
      const r = await this.receivables.get(actor, assetId);
      facts = { assetType: 'RECEIVABLE', status: r.status, worth: eligibleAmount(r) };
      assessment = {
        counterpartyId: r.debtorId,
        limitSubjects: limitSubjectsOf({ assetType: 'RECEIVABLE', debtorId: r.debtorId }, actor.organisationId),
        maturityDate: r.dueDate,
      };
    } else {
      const w = await this.receipts.get(actor, assetId);
      facts = { assetType: 'WAREHOUSE_RECEIPT', status: w.status, worth: await this.receipts.worthToday(w) };
      assessment = {
        counterpartyId: w.custodianId,
        limitSubjects: limitSubjectsOf({ assetType: 'WAREHOUSE_RECEIPT', commodityCode: w.commodityCode }, actor.organisationId),
      };
    }
    const verdict = eligibility(facts, product.assetType, ratio, amount);
    if (!verdict.eligible) {
      throw verdict.code === FinancingErrors.ABOVE_MAXIMUM.code
        ? FinancingErrors.ABOVE_MAXIMUM(verdict.reason, 'amount')
        : FinancingErrors.ASSET_NOT_ELIGIBLE(verdict.reason, 'assetId');
    }
    return { ...assessment, maxAmount: verdict.cap.toString() };
  }
}

interface AssetAssessment {
  counterpartyId: string;
  limitSubjects: FinancingInput['limitSubjects'];
  /** Receivable financing: the invoice's due date. */
  maturityDate?: string;
  maxAmount: string;
}

/**
 * The schedule the SME accepts: booked from `startDate` if accepted today, with the rates it is
 * priced by. Its `totalPayable` is principal + interest + the up-front fee (`fee`), which the
 * instalment lines do not carry: the fee is paid at disbursement.
 */
export interface Offer {
  startDate: string;
  annualRate: string;
  penaltyRate: string;
  upfrontFeeRate: string;
  dayCount: FinancingTerms['dayCount'];
  schedule: Schedule;
}

/** What the SME is shown of a quote: not the bank's approval tiers and deadlines, which price nothing. */
export type QuoteView = Omit<Quote, 'tiers' | 'deadlines' | 'financingId' | 'smeId'>;

function viewOf({ tiers: _tiers, deadlines: _deadlines, financingId: _used, smeId: _sme, ...view }: Quote): QuoteView {
  return view;
}
