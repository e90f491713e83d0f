import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from 'typeorm';
import { ScopedDatabase } from '@caravan/database';
import { Actor, dataScopeOf, systemActor } from '@caravan/access';
import { LedgerService } from '@caravan/ledger';
import type { Line } from '@caravan/ledger';
import { CreditLimitsService } from '@caravan/limits';
import type { LimitSubject } from '@caravan/limits';
import { BusinessMetrics } from '@caravan/metrics';
import { Dec, Money } from '@caravan/money';
import { AssetFacts, eligibility } from '../domain/eligibility';
import { BusinessClock } from '@caravan/clock';
import { ExpectedMovementsService } from '@caravan/reconciliation';
import { eligibleAmount, ReceivablesService } from '@caravan/receivables';
import { AssetType, PledgeRegistry } from '@caravan/registry';
import type { FinancingInput, FinancingState } from './financing.contract';
import { WarehouseReceiptsService } from '@caravan/warehouse-receipts';
import { PaymentGateways, PaymentInstruction } from '../application/payment-gateway';
import { addDays } from '../domain/calendar';
import { FinancingErrors, PaymentErrors } from '../domain/financing.errors';
import { advanceState, findBankOf, findRepayer, findSmeOf, insertEvent } from '../infrastructure/financing.repository';
import { findOrganisationName } from '../infrastructure/party.repository';

/** The bank acting through its workflow: audit trails and journal entries name it 'system:financing-workflow'. */
export function workflowActor(bankId: string): Actor {
  return systemActor('system:financing-workflow', bankId);
}

interface Base {
  financingId: string;
  ref: string;
  bankId: string;
}

/** Workflows pass their bank; an activity scheduled before they did finds it from the financing. */
type OfBank = { bankId?: string; financingId?: string; ref?: string };

/**
 * The financing workflow's activities: thin calls into the other contexts, each idempotent
 * by the financing's key (a reservation per reference, a pledge per financing, a journal
 * entry per key, a payment per instruction id), so a retry or a crashed worker repeats nothing.
 * Each acts for the financing's bank, in its scope: it reaches that bank's books and no other.
 */
@Injectable()
export class FinancingActivities {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly receivables: ReceivablesService,
    private readonly receipts: WarehouseReceiptsService,
    private readonly registry: PledgeRegistry,
    private readonly limits: CreditLimitsService,
    private readonly ledger: LedgerService,
    private readonly gateways: PaymentGateways,
    private readonly matching: ExpectedMovementsService,
    private readonly clock: BusinessClock,
    private readonly metrics: BusinessMetrics,
  ) {}

  /** Asset confirmed and unencumbered, amount within the advance rate or LTV (the rule the application met), limits with room. */
  async checkEligibility(input: FinancingInput): Promise<{ eligible: boolean; reason?: string }> {
    const amount = Money.of(input.amount, input.currency);
    const verdict = eligibility(
      await this.assetFacts(input.assetType, input.assetId),
      input.assetType,
      input.terms.maxFinancingRatio,
      amount,
    );
    if (!verdict.eligible) return { eligible: false, reason: verdict.reason };
    const live = await this.registry.livePledge(input.assetType as AssetType, input.assetId);
    if (live && live.financingRef !== input.ref) return { eligible: false, reason: 'the asset already backs a live financing' };
    const short = await this.limits.shortfall(input.bankId, input.limitSubjects as LimitSubject[], amount);
    return short ? { eligible: false, reason: short } : { eligible: true };
  }

  private async assetFacts(assetType: AssetFacts['assetType'], id: string): Promise<AssetFacts | undefined> {
    if (assetType === 'RECEIVABLE') {
      const r = await this.receivables.peek(id);
      return r && { assetType, status: r.status, worth: eligibleAmount(r) };
    }
    const w = await this.receipts.peek(id);
    return w && { assetType, status: w.status, worth: await this.receipts.worthToday(w) };
  }

  /** A step of the timeline, once per sequence number; the financing's row follows the workflow. */
  async recordEvent(
    event: OfBank & {
      financingId: string;
      seq: number;
      step: string;
      actor: string;
      detail: Record<string, unknown>;
      state: FinancingState;
    },
  ): Promise<void> {
    const left = await this.asBank(event, async (em) => {
      if (!(await insertEvent(em, event))) return undefined;
      if (event.step === 'disbursed') await awaitRepayments(em, this.matching, event.financingId, event.state);
      return advanceState(em, event.financingId, event.seq, event.state);
    });
    if (left !== undefined && left !== event.state.stage) this.metrics.financingStage(left, event.state.stage);
  }

  async reserveLimit(input: Base & { amount: string; subjects: Array<{ kind: string; subject: string }> }): Promise<void> {
    await this.limits.reserve(workflowActor(input.bankId), {
      reference: input.ref,
      amount: Money.of(input.amount),
      subjects: input.subjects as LimitSubject[],
    });
  }

  async releaseLimitTo(input: Base & { outstanding: string }): Promise<void> {
    await this.limits.releaseTo(input.bankId, input.ref, Money.of(input.outstanding));
  }

  /** Pledges the asset to the bank for this financing, only if it is held by the SME that applied. */
  async registerPledge(input: Base & { assetType: string; assetId: string }): Promise<void> {
    const pledgorId = await this.asBank(input, (em) => findSmeOf(em, input.financingId));
    await this.registry.pledge(workflowActor(input.bankId), {
      assetType: input.assetType as AssetType,
      assetId: input.assetId,
      financingRef: input.ref,
      pledgorId,
    });
  }

  /** The value of the pledged receipts today (latest prices, less haircuts). */
  async collateralValue(input: { receiptIds: string[] }): Promise<string> {
    const today = this.clock.today();
    let total = Money.zero();
    for (const id of input.receiptIds) {
      const receipt = await this.receipts.peek(id);
      if (receipt) total = total.plus((await this.receipts.valueOf(receipt, today)).value);
    }
    return total.toString();
  }

  /** Releases goods from a pledged receipt, refused if the rest would fall below the LTV line. */
  async releaseCollateral(
    input: Base & { receiptIds: string[]; receiptId: string; quantity: string; outstanding: string; maxLtv: string },
  ): Promise<void> {
    const others = await this.collateralValue({ receiptIds: input.receiptIds.filter((r) => r !== input.receiptId) });
    await this.receipts.releasePart(input.receiptId, new Dec(input.quantity), workflowActor(input.bankId), (remaining) => {
      const cover = remaining.value.plus(Money.of(others)).times(input.maxLtv);
      if (Money.of(input.outstanding).compare(cover) > 0) {
        throw FinancingErrors.BELOW_LTV_LINE(
          `after this release the goods would cover ${cover} at the LTV line, ${input.outstanding} is outstanding`,
          'quantity',
        );
      }
    });
  }

  async dischargePledge(input: Base & { assetType: string; assetId: string }): Promise<void> {
    await this.registry.dischargeFor(workflowActor(input.bankId), input.assetType as AssetType, input.assetId, input.ref);
  }

  async postLedger(input: OfBank & { key: string; ref: string; kind: string; valueDate: string; lines: Line[] }): Promise<void> {
    const bankId = await this.bankOf(input);
    await this.ledger.post(workflowActor(bankId), {
      idempotencyKey: input.key,
      financingRef: input.ref,
      kind: input.kind,
      description: `${input.kind} ${input.ref}`,
      valueDate: input.valueDate,
      lines: input.lines,
    });
  }

  /** Undoes the entry posted under `key`, if it was posted. */
  async reverseLedger(input: OfBank & { key: string; reason: string }): Promise<void> {
    const actor = workflowActor(await this.bankOf({ ...input, ref: input.bankId ? undefined : input.key.split('/')[0] }));
    const entry = await this.ledger.entryByKey(actor, input.key);
    if (entry) await this.ledger.reverse(actor, entry.id, input.reason);
  }

  /** Sends the instruction through the bank's gateway and tells reconciliation to expect it on the bank's statement. */
  async instructPayment(instruction: PaymentInstruction & { bankId?: string }): Promise<void> {
    const [ref, purpose] = instruction.instructionId.split('/');
    const bankId = await this.bankOf({ bankId: instruction.bankId, ref });
    await this.asBank({ bankId }, async (em) => {
      const beneficiary = await findOrganisationName(em, instruction.beneficiaryId);
      const today = this.clock.today();
      await this.matching.expect(
        {
          financingRef: ref,
          kind: purpose === 'disbursement' ? 'DISBURSEMENT' : 'PAYOUT',
          endToEndId: instruction.instructionId,
          direction: 'DBIT',
          amount: instruction.amount,
          currency: instruction.currency,
          // the bank books it today or, over a weekend or holiday, a few days later
          valueFrom: today,
          valueTo: addDays(today, 5),
          counterparty: beneficiary,
        },
        em,
      );
    });
    const { bankId: _, ...payment } = instruction;
    await this.gateways.forBank(bankId).instruct(payment);
  }

  /** Returns once the bank has settled; "pending" is a retryable failure, so Temporal polls. */
  async awaitSettlement(input: { instructionId: string; bankId?: string }): Promise<void> {
    const bankId = await this.bankOf({ bankId: input.bankId, ref: input.instructionId.split('/')[0] });
    const { status, reason } = await this.gateways.forBank(bankId).status(input.instructionId);
    if (status === 'PENDING') throw ApplicationFailure.retryable('the bank has not settled yet', PaymentErrors.PENDING.code);
    if (status === 'FAILED') throw ApplicationFailure.nonRetryable(reason ?? 'the bank refused the payment', PaymentErrors.FAILED.code);
  }

  private async asBank<T>(of: OfBank, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(dataScopeOf(workflowActor(await this.bankOf(of))), work);
  }

  private async bankOf(of: OfBank): Promise<string> {
    if (of.bankId) return of.bankId;
    // the platform's own read, to learn whose the financing is
    const bankId = await this.db.transaction({ organisationId: null, readsAll: true }, (em) =>
      findBankOf(em, of.financingId ?? null, of.ref ?? null),
    );
    if (!bankId) throw FinancingErrors.NOT_FOUND(`no financing ${of.financingId ?? of.ref}`);
    return bankId;
  }
}

/**
 * From the disbursement on, reconciliation awaits the payments under the financing's payment
 * reference (the loan number for financings from before there was one): the buyer's payment of the invoice (receivable financing) or the borrower's
 * instalments (warehouse loans), each in a window from a week before its due date to the
 * end of the grace days.
 */
async function awaitRepayments(
  em: EntityManager,
  matching: ExpectedMovementsService,
  financingId: string,
  state: FinancingState,
): Promise<void> {
  const f = await findRepayer(em, financingId);
  const window = (due: string) => ({ valueFrom: addDays(due, -7), valueTo: addDays(due, f.terms.graceDays) });
  const lines = state.schedule?.lines ?? [];
  const awaited =
    f.invoice !== null
      ? [{ endToEndId: f.ref, amount: f.invoice, ...window(lines.at(-1)!.dueDate) }]
      : lines.map((l) => ({ endToEndId: `${f.ref}/instalment/${l.number}`, amount: l.payment, ...window(l.dueDate) }));
  for (const a of awaited) {
    await matching.expect(
      {
        financingRef: f.ref,
        kind: 'REPAYMENT',
        reference: f.reference,
        direction: 'CRDT',
        currency: f.currency,
        counterparty: f.payer,
        ...a,
      },
      em,
    );
  }
}
