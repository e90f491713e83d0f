import { Injectable } from '@nestjs/common';
import { Actor, dataScopeOf, OrganisationKind } from '@caravan/access';
import { AuditLog, AuditStep } from '@caravan/audit';
import { BusinessClock } from '@caravan/clock';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { DomainError } from '@caravan/errors';
import { PersonDirectory } from '@caravan/identity';
import { CreditLimitsService, LimitKind } from '@caravan/limits';
import { Money } from '@caravan/money';
import { eligibleAmount, ReceivableDocumentsService, ReceivablesService } from '@caravan/receivables';
import type { ReceivableDocument } from '@caravan/receivables';
import { WarehouseReceiptsService } from '@caravan/warehouse-receipts';
import type { FinancingState, FinancingTerms } from '../api/financing.contract';
import type {
  AssetStepView,
  DecisionAssetView,
  DecisionCollateralView,
  DecisionDeadlineView,
  DecisionLimitView,
  DecisionPersonView,
  DecisionPriceView,
  DecisionStepView,
  FinancingDecisionView,
  PartyRiskView,
} from '../api/decision.view';
import { daysPastDue, limitBeforeAfter, limitSubjectsOf, loanToValue, worstBucket } from '../domain/decision';
import { FinancingErrors } from '../domain/financing.errors';
import { findPartyLoans } from '../infrastructure/decision.repository';
import { FinancingRow, findLoanTerms } from '../infrastructure/financing.repository';
import { findOrganisationName } from '../infrastructure/party.repository';
import { bookedSchedule } from './booked-schedule';
import { FinancingDetails } from './financing-details';
import type { TimelineStep } from './timeline-actors';

type Loan = { amount: string; currency: string; terms: FinancingTerms };
/** People of the asset's trail by e-mail, named as the page shows them. */
type People = Map<string, DecisionPersonView>;
/** The asset as read, before its trail's people are named. */
type AssetRead = {
  view: Omit<DecisionAssetView, 'history'>;
  trail: AuditStep[];
  collateral: Money;
  haircut: string | null;
  subject: string;
};

const DECISION_STEPS = ['recommended', 'approved', 'approval.not.counted', 'rejected'];

/**
 * What a bank's people read before deciding on a financing: the asset and its trail, collateral
 * and LTV, the limits it touches before and after, the price, the counterparty's confirmation,
 * the recommendation and decisions with who made them, deadlines, and the parties' record. Only
 * the financing's own bank: anyone else finds no such financing. The asset is read as the
 * platform (the bank sees a receivable or receipt only once pledged, after approval).
 */
@Injectable()
export class FinancingDecisions {
  constructor(
    private readonly details: FinancingDetails,
    private readonly db: ScopedDatabase,
    private readonly receivables: ReceivablesService,
    private readonly documents: ReceivableDocumentsService,
    private readonly receipts: WarehouseReceiptsService,
    private readonly limits: CreditLimitsService,
    private readonly audit: AuditLog,
    private readonly directory: PersonDirectory,
    private readonly clock: BusinessClock,
    private readonly config: AppConfig,
  ) {}

  async decision(actor: Actor, id: string): Promise<FinancingDecisionView> {
    const detail = await this.ofTheBank(actor, id);
    const timeline = await this.details.timeline(actor, id);
    const loan = (await this.db.transaction(dataScopeOf(actor), (em) => findLoanTerms(em, id)))!;
    const asset = await this.asset(actor, detail, loan);
    const people = await this.people(actor, asset.trail);
    const state = detail.state as FinancingState | null;
    const steps = decisionSteps(timeline);
    const named = await this.names(actor, [detail.smeId, detail.counterpartyId]);
    return {
      financingId: detail.id,
      ref: detail.ref,
      product: detail.product,
      stage: detail.stage,
      amount: detail.amount,
      currency: detail.currency,
      sme: { id: detail.smeId, name: named.get(detail.smeId)! },
      counterparty: { id: detail.counterpartyId, name: named.get(detail.counterpartyId)! },
      asset: assetView(asset, people, named.get(detail.counterpartyId)!),
      collateral: collateralOf(detail, loan, asset),
      limits: await this.limitLines(actor, detail, asset.subject, named),
      price: this.price(state, loan),
      confirmation: steps.find((s) => s.step === 'counterparty.confirmed') ?? null,
      recommendation: steps.filter((s) => s.step === 'recommended').at(-1) ?? null,
      decisions: steps.filter((s) => DECISION_STEPS.includes(s.step) && s.step !== 'recommended'),
      deadlines: deadlinesOf(detail, asset.view, state),
      risk: await this.risk(actor, detail, named),
    };
  }

  /** A document of the financed receivable (an invoice scan), for the bank deciding on it: it sees the receivable only once pledged. */
  async document(actor: Actor, id: string, documentId: string): Promise<ReceivableDocument & { content: Buffer }> {
    const f = await this.ofTheBank(actor, id);
    if (f.assetType !== 'RECEIVABLE') throw FinancingErrors.NOT_FOUND(`financing ${id} has no documents`);
    return this.documents.peekContent(f.assetId, documentId);
  }

  /** The financing as its bank's people read it; anyone else finds no such financing. */
  private async ofTheBank(actor: Actor, id: string): Promise<Awaited<ReturnType<FinancingDetails['detail']>>> {
    if (actor.organisationKind !== OrganisationKind.BANK) throw FinancingErrors.NOT_FOUND(`financing ${id} not found`);
    return this.details.detail(actor, id);
  }

  /** The receivable or receipt, read as the platform, with what it is worth as collateral. */
  private async asset(actor: Actor, f: FinancingRow, loan: Loan): Promise<AssetRead> {
    const trailOf = (type: string) => this.db.transaction(dataScopeOf(actor), (em) => this.audit.trail(em, type, f.assetId));
    if (f.assetType === 'RECEIVABLE') {
      const r = (await this.receivables.peek(f.assetId))!;
      const trail = await trailOf('receivable');
      const confirmed = trail.filter((s) => s.action === 'receivable.confirm').at(-1);
      const documents = await this.documents.peekList(f.assetId);
      const receivable = {
        invoiceNumber: r.invoiceNumber,
        faceValue: r.amount.toString(),
        dilutedAmount: r.dilutedAmount.toString(),
        eligibleAmount: eligibleAmount(r).toString(),
        advanceRate: loan.terms.maxFinancingRatio,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        status: r.status,
        buyer: '',
        buyerConfirmedAt: confirmed?.at ?? null,
        buyerConfirmedBy: null,
        documents: documents.map((d) => ({ id: d.id, name: d.name, contentType: d.contentType })),
      };
      const view = { type: 'RECEIVABLE' as const, id: f.assetId, receivable, receipt: null };
      return { view, trail, collateral: eligibleAmount(r), haircut: null, subject: r.debtorId };
    }
    const w = (await this.receipts.peek(f.assetId))!;
    const valuation = await this.receipts.valueOf(w, this.clock.today());
    const commodity = (await this.receipts.commodities()).find((c) => c.code === w.commodityCode);
    const receipt = {
      receiptNumber: w.receiptNumber,
      commodityCode: w.commodityCode,
      commodityName: commodity?.name ?? w.commodityCode,
      grade: w.grade,
      quantity: w.quantity.toFixed(),
      unit: w.unit,
      location: w.location,
      unitPrice: valuation.unitPrice,
      priceDate: valuation.priceDate,
      grossValue: valuation.grossValue.toString(),
      status: w.status,
      custodian: '',
    };
    const view = { type: 'WAREHOUSE_RECEIPT' as const, id: f.assetId, receivable: null, receipt };
    return {
      view,
      trail: await trailOf('warehouse-receipt'),
      collateral: valuation.value,
      haircut: valuation.haircut,
      subject: w.commodityCode,
    };
  }

  /** Each limit the eligibility check counts the financing against, before and after it. */
  private async limitLines(actor: Actor, f: FinancingRow, subject: string, named: Map<string, string>): Promise<DecisionLimitView[]> {
    const asset =
      f.assetType === 'RECEIVABLE'
        ? { assetType: 'RECEIVABLE' as const, debtorId: subject }
        : { assetType: 'WAREHOUSE_RECEIPT' as const, commodityCode: subject };
    const subjects = limitSubjectsOf(asset, f.smeId).map((s) => ({ kind: s.kind as LimitKind, subject: s.subject }));
    const exposures = await this.limits.exposure(f.bankId, subjects, f.ref);
    const commodities = await this.receipts.commodities();
    const amount = Money.of(f.amount, f.currency);
    return Promise.all(
      subjects.map(async (s, i) => {
        const e = exposures[i];
        const subjectName =
          s.kind === LimitKind.COMMODITY_CONCENTRATION
            ? (commodities.find((c) => c.code === s.subject)?.name ?? s.subject)
            : (named.get(s.subject) ?? (await this.names(actor, [s.subject])).get(s.subject)!);
        if (!e)
          return {
            ...s,
            subjectName,
            limit: null,
            utilisedBefore: null,
            utilisedAfter: null,
            availableAfter: null,
            reserved: false,
            currency: f.currency,
          };
        const { before, after, reserved } = limitBeforeAfter(e.utilised, amount, { reserved: e.reserved, held: e.heldByReference });
        return {
          ...s,
          subjectName,
          limit: e.amount.toString(),
          utilisedBefore: before.toString(),
          utilisedAfter: after.toString(),
          availableAfter: e.amount.minus(after).toString(),
          reserved,
          currency: e.amount.currency,
        };
      }),
    );
  }

  /** The schedule booked, or before booking the terms re-based to start today (what the SME would accept). */
  private price(state: FinancingState | null, loan: Loan): DecisionPriceView | null {
    let schedule = state?.schedule;
    const basis = schedule ? 'BOOKED' : 'IF_ACCEPTED_TODAY';
    const startDate = schedule ? (state?.acceptedStartDate ?? null) : this.clock.today();
    try {
      schedule ??= bookedSchedule(loan, this.clock.today());
    } catch (e) {
      if (e instanceof DomainError && e.code === FinancingErrors.NOT_IN_CALENDAR.code) return null;
      throw e;
    }
    return {
      basis,
      startDate,
      annualRate: loan.terms.annualRate,
      upfrontFeeRate: loan.terms.upfrontFeeRate,
      penaltyRate: loan.terms.penaltyRate,
      fee: schedule.fee,
      totalInterest: schedule.totalInterest,
      totalPayable: schedule.totalPayable,
      currency: schedule.currency,
      lines: schedule.lines.map((l) => ({
        number: l.number,
        dueDate: l.dueDate,
        principal: l.principal,
        interest: l.interest,
        payment: l.payment,
      })),
    };
  }

  /** The SME's and (receivable financing) the buyer's record with this bank and on the platform. */
  private async risk(
    actor: Actor,
    f: FinancingRow,
    named: Map<string, string>,
  ): Promise<{ sme: PartyRiskView; buyer: PartyRiskView | null }> {
    const record = async (side: 'sme' | 'buyer', organisationId: string): Promise<PartyRiskView> => {
      const loans = await this.db.transaction(dataScopeOf(actor), (em) => findPartyLoans(em, side, organisationId, f.bankId, f.id));
      const repaying = loans.filter((l) => l.stage === 'REPAYING');
      const now = Date.now();
      return {
        organisationId,
        name: named.get(organisationId)!,
        financings: loans.length,
        repaying: repaying.length,
        outstanding: repaying.reduce((sum, l) => sum.plus(Money.of(l.outstanding ?? '0', l.currency)), Money.zero(f.currency)).toString(),
        daysPastDueNow: Math.max(0, ...repaying.map((l) => daysPastDue(l, now, this.config.FINANCING_DAY_MS))),
        worstAgeingEver: worstBucket(loans.flatMap((l) => (l.disbursedAt ? ['CURRENT', ...l.buckets] : l.buckets))),
        disputedReceivables: await this.receivables.disputedCount(side === 'sme' ? 'creditor' : 'debtor', organisationId),
      };
    };
    return { sme: await record('sme', f.smeId), buyer: f.assetType === 'RECEIVABLE' ? await record('buyer', f.counterpartyId) : null };
  }

  /** The people of the asset's trail, by the role they hold first (the trail keeps no role) and their organisation. */
  private async people(actor: Actor, trail: AuditStep[]): Promise<People> {
    const found = await this.directory.byEmail([
      ...new Set(trail.map((s) => emailOf(s.actorLabel)).filter((e): e is string => e !== null)),
    ]);
    const organisations = await this.names(actor, [...new Set(found.map((p) => p.organisationId))]);
    return new Map(
      found.map((p) => [
        p.email.toLowerCase(),
        { displayName: p.displayName, role: p.roles[0] ?? null, organisation: organisations.get(p.organisationId)!, system: false },
      ]),
    );
  }

  private names(actor: Actor, ids: string[]): Promise<Map<string, string>> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const names = new Map<string, string>();
      for (const id of ids) names.set(id, (await findOrganisationName(em, id)) ?? id);
      return names;
    });
  }
}

/** The e-mail in a timeline's or trail's actor label ('a@b', 'a@b (uuid)'); null for the platform ('system:…'). */
function emailOf(label: string): string | null {
  return /^[^\s@]+@[^\s@]+/.exec(label)?.[0] ?? null;
}

function personOf(label: string, people: People): DecisionPersonView {
  const email = emailOf(label);
  return (email && people.get(email.toLowerCase())) || { displayName: null, role: null, organisation: null, system: email === null };
}

/** The asset with its counterparty's name and its trail's people named. */
function assetView(asset: AssetRead, people: People, counterparty: string): DecisionAssetView {
  const history = asset.trail.map((s) => trailStep(s, people));
  const { receivable, receipt } = asset.view;
  if (receipt) return { ...asset.view, receipt: { ...receipt, custodian: counterparty }, history };
  const confirmed = asset.trail.filter((s) => s.action === 'receivable.confirm').at(-1);
  const buyerConfirmedBy = confirmed ? personOf(confirmed.actorLabel, people) : null;
  return { ...asset.view, receivable: receivable && { ...receivable, buyer: counterparty, buyerConfirmedBy }, history };
}

function trailStep(s: AuditStep, people: People): AssetStepView {
  return { action: s.action, at: s.at, by: personOf(s.actorLabel, people) };
}

/** The counterparty's confirmation, the recommendation, approvals and rejections, each with its person and role. */
function decisionSteps(timeline: TimelineStep[]): DecisionStepView[] {
  return timeline
    .filter((e) => e.step === 'counterparty.confirmed' || DECISION_STEPS.includes(e.step))
    .map((e) => {
      const detail = (e.detail ?? {}) as { comment?: string; reason?: string };
      const { name, role, organisation, kind } = e.actor;
      const by = { displayName: name, role, organisation, system: kind === 'SYSTEM' };
      return { step: e.step, at: e.at, by, comment: detail.comment ?? detail.reason ?? null };
    });
}

function collateralOf(f: FinancingRow, loan: Loan, asset: AssetRead): DecisionCollateralView {
  return {
    value: asset.collateral.toString(),
    haircut: asset.haircut,
    ltv: loanToValue(Money.of(f.amount, f.currency), asset.collateral),
    maxRatio: loan.terms.maxFinancingRatio,
    maintenanceLtv: loan.terms.maintenanceLtv ?? null,
    currency: asset.collateral.currency,
  };
}

/** Who is awaited now and by when; the invoice's due date; an open margin call's cure date. */
function deadlinesOf(
  f: Awaited<ReturnType<FinancingDetails['detail']>>,
  asset: Omit<DecisionAssetView, 'history'>,
  state: FinancingState | null,
): DecisionDeadlineView[] {
  const deadlines: DecisionDeadlineView[] = [];
  if (f.awaiting)
    deadlines.push({ what: f.awaiting.step, by: f.awaiting.deadline, organisation: f.awaiting.organisation, roles: f.awaiting.roles });
  if (asset.receivable) deadlines.push({ what: 'asset.due', by: asset.receivable.dueDate, organisation: null, roles: [] });
  if (state?.marginCall?.status === 'OPEN')
    deadlines.push({ what: 'marginCall', by: state.marginCall.cureBy, organisation: null, roles: [] });
  return deadlines;
}
