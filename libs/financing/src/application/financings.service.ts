import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { WorkflowIdReusePolicy } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { BusinessClock } from '@caravan/clock';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase, SqlRow } from '@caravan/database';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { OrganisationDirectory } from '@caravan/identity';
import { Actor, dataScopeOf, isOperatorReader, OrganisationKind, Role } from '@caravan/access';
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
import { AssetFacts, eligibility } from '../domain/eligibility';
import type { Allocation } from '../domain/loan-book';
import { newPaymentReference } from '../domain/payment-reference';
import { PRODUCTS, repaymentOf } from '../domain/products';
import { RepaymentMethod, schedule, Schedule } from '../domain/schedule';
import { FinancingPolicies } from './financing-policies';
import { FinancingErrors } from '../domain/financing.errors';

export interface Application {
  product: Product;
  assetId: string;
  bankId: string;
  amount: string;
  method?: RepaymentMethod;
  instalments?: number;
  /** Receivable financing: whether the bank may turn to the SME if the buyer does not pay. */
  recourse?: boolean;
}

export type Action = 'acknowledge' | 'recommend' | 'approve' | 'reject' | 'withdraw' | 'accept' | 'releaseGoods' | 'topUp';

export interface FinancingRow {
  id: string;
  ref: string;
  /** What the payer quotes when repaying (ISO 11649); null for financings from before it existed. */
  paymentReference: string | null;
  /** The bank's policy version it started under (0: the platform default). */
  policyVersion: number | null;
  product: Product;
  smeId: string;
  bankId: string;
  counterpartyId: string;
  assetType: string;
  assetId: string;
  amount: string;
  currency: string;
  stage: string;
  reason: string | null;
  state: unknown;
  createdAt: string;
  /** For an approver of the financing's bank: whether their approval would count now, and if not why. */
  yourApproval?: { counts: boolean; reason: string | null };
}

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
}

/**
 * SMEs see their applications, banks those addressed to them, counterparties those they
 * confirm; row-level security on the same columns holds it should a query forget.
 */
function scopeColumn(actor: Actor): string | undefined | null {
  switch (actor.organisationKind) {
    case OrganisationKind.OPERATOR:
      return isOperatorReader(actor) ? undefined : null;
    case OrganisationKind.SME:
      return 'sme_id';
    case OrganisationKind.BANK:
      return 'bank_id';
    default:
      return 'counterparty_id';
  }
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
  ) {}

  /** A payment recorded by hand (no statement line shows it): a second person of the bank confirms it. */
  onModuleInit(): void {
    this.dualControl.register({
      kind: HAND_RECORDED_PAYMENT,
      makers: [Role.BACK_OFFICE, Role.TREASURY],
      checkers: [Role.BACK_OFFICE, Role.TREASURY],
      apply: async (em, request: DualControlRequest<PaymentClaim>) => {
        const [visible] = await em.query('SELECT 1 FROM financings WHERE id = $1', [request.payload.financingId]);
        if (!visible) throw notFound(request.payload.financingId);
      },
      afterCommit: (request: DualControlRequest<PaymentClaim>) => this.forwardPayment(request.payload),
    });
  }

  /** 试算: the schedule the bank's pricing gives for these terms, as it will be booked. */
  async trial(actor: Actor, application: Application): Promise<{ schedule: Schedule; maxAmount: string; terms: FinancingTerms }> {
    const { input, maxAmount } = await this.prepare(actor, application);
    return { schedule: schedule({ ...input.terms, principal: input.amount, currency: input.currency, startDate: this.clock.today() }), maxAmount, terms: input.terms };
  }

  /**
   * The SME applies: the financing's row and its workflow start together. The reference comes
   * from a sequence; should Temporal still hold a workflow under it (a database restored or
   * rebuilt beside a Temporal that kept its history), the next number is taken.
   */
  async apply(actor: Actor, application: Application): Promise<FinancingRow> {
    const { input, policyVersion } = await this.prepare(actor, application);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction(dataScopeOf(actor), async (em) => {
          const [{ n }] = await em.query(`SELECT nextval('financing_ref_seq') AS n`);
          input.ref = `${PRODUCTS[input.product].refPrefix}-${new Date().getUTCFullYear()}-${String(n).padStart(6, '0')}`;
          await em.query(
            `INSERT INTO financings (id, ref, payment_reference, policy_version, product, sme_id, bank_id, counterparty_id, asset_type, asset_id, amount, currency, terms, stage, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'ELIGIBILITY', now(), now())`,
            [input.financingId, input.ref, newPaymentReference(), policyVersion, input.product, input.smeId, input.bankId, input.counterpartyId, input.assetType, input.assetId, input.amount, input.currency, JSON.stringify(input.terms)],
          );
          await this.audit.record(em, { actor, action: 'financing.apply', entityType: 'financing', entityId: input.financingId, after: { ...input, policyVersion } });
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

  async list(actor: Actor, stage: string | undefined, limit: number, offset: number): Promise<[FinancingRow[], number]> {
    const column = scopeColumn(actor);
    if (column === null) return [[], 0];
    const where = [column ? `${column} = $1` : '$1::uuid IS NOT NULL', ...(stage ? ['stage = $2'] : [])].join(' AND ');
    const params = [actor.organisationId, ...(stage ? [stage] : [])];
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM financings WHERE ${where}`, params);
      const rows = await em.query(`SELECT * FROM financings WHERE ${where} ORDER BY created_at DESC, id LIMIT ${Number(limit)} OFFSET ${Number(offset)}`, params);
      return [rows.map(toRow), total];
    });
  }

  async get(actor: Actor, id: string): Promise<FinancingRow> {
    const row = await this.db.transaction(dataScopeOf(actor), (em) => this.getWithin(em, actor, id));
    if (!actor.roles.includes(Role.APPROVER) || row.bankId !== actor.organisationId) return row;
    const state = row.state as Pick<FinancingState, 'recommendation' | 'approvals'> | null;
    return { ...row, yourApproval: approvalOutlook(actor.userId, row.amount, await this.authorityOf(actor.userId), state?.recommendation, state?.approvals ?? []) };
  }

  /** Every step, who, when: the portal's timeline. */
  async timeline(actor: Actor, id: string): Promise<Array<{ seq: number; step: string; actor: string; at: string; detail: unknown }>> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      await this.getWithin(em, actor, id);
      const events = await em.query('SELECT seq, step, actor, occurred_at, detail FROM financing_events WHERE financing_id = $1 ORDER BY seq', [id]);
      return events.map((e: { seq: number; step: string; actor: string; occurred_at: Date; detail: unknown }) => ({ seq: e.seq, step: e.step, actor: e.actor, at: e.occurred_at.toISOString(), detail: e.detail }));
    });
  }

  private async getWithin(em: EntityManager, actor: Actor, id: string): Promise<FinancingRow> {
    const column = scopeColumn(actor);
    if (column === null) throw notFound(id);
    const [row] = await em.query(`SELECT * FROM financings WHERE id = $1 ${column ? `AND ${column} = $2` : ''}`, column ? [id, actor.organisationId] : [id]);
    if (!row) throw notFound(id);
    return toRow(row);
  }

  /**
   * A person's step: the workflow's validator answers at once, yes or a coded no. With the
   * request's Idempotency-Key the update has an id of its own, so a retry after a lost answer
   * gets the first outcome from Temporal instead of running the step again.
   */
  async act(actor: Actor, id: string, action: Action, comment?: string, details: Record<string, string> = {}, requestKey?: string): Promise<FinancingRow> {
    const financing = await this.get(actor, id);
    const act: Act = { userId: actor.userId, name: actor.email, organisationId: actor.organisationId, comment, ...details };
    const args = action === 'approve' ? [{ ...act, authority: await this.authorityOf(actor.userId) }] : [act];
    const updateId = requestKey ? `${action}/${actor.userId}/${requestKey}` : undefined;
    await this.update(financing.ref, () =>
      this.client.workflow.getHandle(financingWorkflowId(financing.ref)).executeUpdate(UPDATES[action] as typeof acknowledgeUpdate, { args: args as [Act], updateId }),
    );
    return this.get(actor, id);
  }

  /**
   * A payment into the collection account that no statement line shows yet, recorded by hand:
   * it reaches the financing only when a second person of the bank approves the request. (With
   * a statement line as evidence, matching the line — POST /reconciliation/matches — needs no one else.)
   */
  async requestPayment(actor: Actor, id: string, reference: string, amount: string): Promise<DualControlRequest<PaymentClaim>> {
    const financing = await this.get(actor, id);
    const claim: PaymentClaim = { financingId: id, ref: financing.ref, reference, amount };
    return this.dualControl.request(actor, HAND_RECORDED_PAYMENT, `${id}/${reference}`, claim, `payment ${reference} of ${amount} recorded by hand`);
  }

  /** The approved payment goes to the workflow, which allocates it once per reference. */
  private forwardPayment(claim: PaymentClaim): Promise<Allocation | null> {
    return this.update(claim.ref, () => this.client.workflow.getHandle(financingWorkflowId(claim.ref)).executeUpdate(paymentUpdate, { args: [{ reference: claim.reference, amount: claim.amount }] }));
  }

  private async update<T>(ref: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw FinancingErrors.NOT_AT_THIS_STEP(`financing ${ref} has ended`);
      throw domainErrorFrom(e) ?? e;
    }
  }

  private async authorityOf(userId: string): Promise<string> {
    const [row] = await this.dataSource.query('SELECT approval_authority FROM users WHERE id = $1', [userId]);
    return row?.approval_authority ?? '0.00';
  }

  /** Checks the application against the asset and the bank's policy, and builds the workflow's input. */
  private async prepare(actor: Actor, a: Application): Promise<{ input: FinancingInput; maxAmount: string; policyVersion: number }> {
    if ((await this.organisations.kindOf(a.bankId)) !== OrganisationKind.BANK) {
      throw FinancingErrors.NOT_A_BANK('bankId must name a bank on the platform', 'bankId');
    }
    const policy = await this.policies.inForce(a.bankId);
    const pricing = policy.pricing[a.product];
    const product = PRODUCTS[a.product];
    const amount = Money.of(a.amount);
    let counterpartyId: string;
    let facts: AssetFacts;
    let limitSubjects: FinancingInput['limitSubjects'];
    let maturityDate: string | undefined;
    if (product.assetType === 'RECEIVABLE') {
      const r = await this.receivables.get(actor, a.assetId);
      facts = { assetType: 'RECEIVABLE', status: r.status, worth: eligibleAmount(r) };
      counterpartyId = r.debtorId;
      limitSubjects = [{ kind: 'SME', subject: actor.organisationId }, { kind: 'CORE_ENTERPRISE', subject: r.debtorId }];
      maturityDate = r.dueDate;
    } else {
      const w = await this.receipts.get(actor, a.assetId);
      facts = { assetType: 'WAREHOUSE_RECEIPT', status: w.status, worth: await this.receipts.worthToday(w) };
      counterpartyId = w.custodianId;
      limitSubjects = [{ kind: 'SME', subject: actor.organisationId }, { kind: 'COMMODITY_CONCENTRATION', subject: w.commodityCode }];
    }
    const verdict = eligibility(facts, product.assetType, policy[product.ratioCap], amount);
    if (!verdict.eligible) {
      throw verdict.code === FinancingErrors.ABOVE_MAXIMUM.code
        ? FinancingErrors.ABOVE_MAXIMUM(verdict.reason, 'amount')
        : FinancingErrors.ASSET_NOT_ELIGIBLE(verdict.reason, 'assetId');
    }
    const maxAmount = verdict.cap;
    return {
      maxAmount: maxAmount.toString(),
      policyVersion: policy.version,
      input: {
        financingId: randomUUID(),
        ref: '',
        product: a.product,
        smeId: actor.organisationId,
        bankId: a.bankId,
        counterpartyId,
        assetType: product.assetType,
        assetId: a.assetId,
        amount: amount.toString(),
        currency: amount.currency,
        terms: {
          ...pricing,
          ...repaymentOf(a.product, a),
          maturityDate,
          maxFinancingRatio: policy[product.ratioCap],
          maintenanceLtv: product.securedByGoods ? policy.maintenanceLtv : undefined,
          allocationOrder: policy.allocationOrder,
          recourse: product.recourse ? (a.recourse ?? true) : undefined,
        },
        tiers: policy.tiers,
        limitSubjects,
        deadlines: policy.deadlines,
        dayMs: this.config.FINANCING_DAY_MS,
        timeZone: this.clock.timeZone,
        historyLimit: this.config.FINANCING_HISTORY_LIMIT,
      },
    };
  }
}

function toRow(r: SqlRow): FinancingRow {
  return {
    id: r.id,
    ref: r.ref,
    paymentReference: r.payment_reference,
    policyVersion: r.policy_version,
    product: r.product,
    smeId: r.sme_id,
    bankId: r.bank_id,
    counterpartyId: r.counterparty_id,
    assetType: r.asset_type,
    assetId: r.asset_id,
    amount: Money.of(r.amount).toString(),
    currency: r.currency,
    stage: r.stage,
    reason: r.reason,
    state: r.state,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
