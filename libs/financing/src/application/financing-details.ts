import { Injectable } from '@nestjs/common';
import { Actor, dataScopeOf } from '@caravan/access';
import { BusinessClock } from '@caravan/clock';
import { AppConfig } from '@caravan/config';
import { PersonDirectory } from '@caravan/identity';
import { DomainError } from '@caravan/errors';
import { Money } from '@caravan/money';
import { ScopedDatabase } from '@caravan/database';
import { AwaitedPaymentsService } from '@caravan/reconciliation';
import type { AwaitedMovement } from '@caravan/reconciliation';
import type { Allocation } from '../domain/loan-book';
import type { FinancingState } from '../api/financing.contract';
import { addDays } from '../domain/calendar';
import { Instalment, instalments, RepaymentFact } from '../domain/instalment-status';
import { settled } from '../domain/loan-book';
import { PRODUCTS } from '../domain/products';
import type { FinancingEvent, FinancingRow } from '../infrastructure/financing.repository';
import { findOrganisationName } from '../infrastructure/party.repository';
import { Awaiting, awaitedNow, organisationOf, partyOf } from './awaited-party';
import { FinancingContract, FinancingContracts } from './financing-contracts';
import { FinancingsService, Offer } from './financings.service';
import { FinancingErrors } from '../domain/financing.errors';
import { nameActors, peopleIn, TimelineStep } from './timeline-actors';

/** Where and how the payer pays: the bank's collection account, the reference to quote, what is awaited. */
export interface PaymentInstructions {
  payer: { organisationId: string; name: string };
  /** The holder's name to write on the transfer (户名); null while the bank has registered no collection account in the currency. */
  accountName: string | null;
  accountNumber: string | null;
  bank: string;
  reference: string;
  currency: string;
  /** The repayments the bank awaits on that account: amount, what remains, value-date window, status. */
  awaited: AwaitedMovement[];
}

export interface SurplusPayout {
  amount: string;
  /** PENDING: owed to the SME, paid out when the loan closes; PAID: paid out (on `paidOn`). */
  status: 'PENDING' | 'PAID';
  paidOn: string | null;
}

/** A financing as its detail page reads it: the row, and what is awaited, paid and owed. */
export type FinancingDetail = FinancingRow & {
  awaiting: Awaiting | null;
  paymentInstructions: PaymentInstructions | null;
  instalments: Instalment[];
  surplusPayouts: SurplusPayout[];
  /** While the SME may accept: the schedule booked if accepted today (the terms re-based to today); null otherwise, or when a due date is beyond the calendar. */
  offer: Offer | null;
  /** Every payment the loan took, in the order allocated. */
  payments: PaymentMade[];
  /** For its SME and bank: the contract kept with it (once accepted) or the bank's in force; null when there is none. */
  contract: FinancingContract | null;
};

/** A payment as the loan took it: its value date, and what it paid as the book now says (a payment learnt of late re-computes). */
export interface PaymentMade {
  reference: string;
  valueDate: string;
  amount: string;
  penalty: string;
  interest: string;
  principal: string;
  /** What was left over: the SME's, paid back at closure. */
  surplus: string;
}

/** The read side of a financing for people: its detail and its timeline, told with who acts, by when. */
@Injectable()
export class FinancingDetails {
  constructor(
    private readonly financings: FinancingsService,
    private readonly db: ScopedDatabase,
    private readonly awaited: AwaitedPaymentsService,
    private readonly clock: BusinessClock,
    private readonly config: AppConfig,
    private readonly people: PersonDirectory,
    private readonly contracts: FinancingContracts,
  ) {}

  async detail(actor: Actor, id: string): Promise<FinancingDetail> {
    const row = await this.financings.get(actor, id);
    const events = await this.financings.timeline(actor, id);
    const state = row.state as FinancingState | null;
    const dayMs = this.config.FINANCING_DAY_MS;
    const lines = instalmentsOf(state, events, this.loanToday(state), dayMs);
    const step = awaitedNow(row, state, lines);
    const names = await this.namesOf(actor, row);
    return {
      ...row,
      awaiting: step ? awaiting(row, names, step.step, step.deadline) : null,
      paymentInstructions: row.stage === 'REPAYING' ? await this.instructions(row, names) : null,
      instalments: lines,
      surplusPayouts: surplusPayouts(state, events, dayMs),
      offer: row.stage === 'AWAITING_ACCEPTANCE' ? await this.offer(actor, id) : null,
      payments: paymentsOf(state, events, dayMs),
      contract: await this.contracts.summaryOf(actor, row),
    };
  }

  private async offer(actor: Actor, id: string): Promise<Offer | null> {
    try {
      return await this.financings.offer(actor, id);
    } catch (e) {
      if (e instanceof DomainError && e.code === FinancingErrors.NOT_IN_CALENDAR.code) return null;
      throw e;
    }
  }

  /**
   * Every step, who (a person by name and role, the platform as SYSTEM), when; a step that
   * awaits someone names the party, the roles and the deadline.
   */
  async timeline(actor: Actor, id: string): Promise<TimelineStep[]> {
    const row = await this.financings.get(actor, id);
    const events = await this.financings.timeline(actor, id);
    const names = await this.namesOf(actor, row);
    const people = await this.people.byEmail(peopleIn(events));
    return nameActors(events, people, names).map((e) => {
      const detail = (e.detail ?? {}) as Record<string, unknown>;
      const step = e.step.endsWith('.awaited') ? e.step.slice(0, -'.awaited'.length) : e.step === 'repayment.reminder' ? 'repayment' : null;
      const deadline = (detail.deadline ?? detail.dueDate) as string | undefined;
      if (!step || !deadline) return e;
      const awaits = awaiting(row, names, step, deadline);
      return awaits ? { ...e, detail: { ...detail, awaits } } : e;
    });
  }

  private async instructions(f: FinancingRow, names: Names): Promise<PaymentInstructions> {
    const payerId = PRODUCTS[f.product].payer === 'COUNTERPARTY' ? f.counterpartyId : f.smeId;
    const collection = await this.awaited.collectionFor(f.bankId, f.ref, f.currency);
    const bank = names.get(f.bankId)!;
    return {
      payer: { organisationId: payerId, name: names.get(payerId)! },
      accountName: collection.account ? (collection.account.name ?? bank) : null,
      accountNumber: collection.account?.account ?? null,
      bank,
      reference: f.paymentReference ?? f.ref,
      currency: f.currency,
      awaited: collection.awaited,
    };
  }

  /** The names of the financing's three parties. */
  private namesOf(actor: Actor, f: FinancingRow): Promise<Names> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const names: Names = new Map();
      for (const id of [f.smeId, f.bankId, f.counterpartyId]) names.set(id, (await findOrganisationName(em, id)) ?? id);
      return names;
    });
  }

  /** The loan's business date now, as its book counts days. */
  private loanToday(state: FinancingState | null): string {
    return loanDateAt(state, Date.now(), this.config.FINANCING_DAY_MS) ?? this.clock.today();
  }
}

type Names = Map<string, string>;

function awaiting(f: FinancingRow, names: Names, step: string, deadline: string): Awaiting | null {
  const party = partyOf(step, f);
  if (!party) return null;
  const organisationId = organisationOf(party.side, f);
  return { step, organisationId, organisation: names.get(organisationId)!, roles: party.roles, deadline };
}

/**
 * The loan's business date at an instant as the workflow dates what it books: whole business
 * days (FINANCING_DAY_MS long) since disbursement after the schedule's start. None before disbursement.
 */
function loanDateAt(state: FinancingState | null, at: number, dayMs: number): string | undefined {
  const first = state?.book?.lines[0];
  if (!first || !state?.disbursedAt) return undefined;
  return addDays(addDays(first.dueDate, -first.dueDay), Math.floor((at - Date.parse(state.disbursedAt)) / dayMs));
}

/**
 * The timeline's due instalments and allocated payments as facts: a payment at its value date
 * (before value dates were recorded, the loan's date when it was allocated), paying what the
 * book now says it paid (a payment learnt of late re-computes what earlier ones paid).
 */
export function instalmentsOf(state: FinancingState | null, events: FinancingEvent[], today: string, dayMs: number): Instalment[] {
  const book = state?.book;
  if (!state?.schedule || !book) return [];
  const facts: RepaymentFact[] = [];
  for (const e of events) {
    if (e.step === 'instalment.due') {
      const d = e.detail as { instalment: number; interest: string };
      facts.push({ kind: 'due', instalment: d.instalment, interest: d.interest });
    } else if (e.step === 'payment.allocated') {
      const { valueDate: date, penalty, interest, principal } = paymentOf(state, e, dayMs);
      facts.push({ kind: 'paid', date, penalty, interest, principal });
    }
  }
  return instalments(state.schedule.lines, facts, { currency: book.currency, fallenDue: book.fallenDue, settled: settled(book), today });
}

/** Every allocated payment, as the book now says it paid. */
export function paymentsOf(state: FinancingState | null, events: FinancingEvent[], dayMs: number): PaymentMade[] {
  if (!state?.book) return [];
  return events.filter((e) => e.step === 'payment.allocated').map((e) => paymentOf(state, e, dayMs));
}

/** One `payment.allocated` event: at its value date (before value dates were recorded, the loan's date when allocated). */
function paymentOf(state: FinancingState, e: FinancingEvent, dayMs: number): PaymentMade {
  const d = e.detail as Allocation & { valueDate?: string };
  const now = state.book?.received?.find((r) => r.reference === d.reference) ?? d;
  const { penalty, interest, principal, surplus } = now;
  return {
    reference: d.reference,
    valueDate: d.valueDate ?? loanDateAt(state, Date.parse(e.at), dayMs)!,
    amount: d.amount,
    penalty,
    interest,
    principal,
    surplus,
  };
}

/** The surplus the payments left over, the SME's: owed while the loan runs, paid out at closure. */
export function surplusPayouts(state: FinancingState | null, events: FinancingEvent[], dayMs: number): SurplusPayout[] {
  const closed = events.find((e) => e.step === 'closed');
  const surplus = (closed?.detail as { surplus?: string } | undefined)?.surplus ?? state?.book?.surplus;
  if (!surplus || !Money.of(surplus, state?.book?.currency).isPositive()) return [];
  return [
    closed
      ? { amount: surplus, status: 'PAID', paidOn: loanDateAt(state, Date.parse(closed.at), dayMs) ?? null }
      : { amount: surplus, status: 'PENDING', paidOn: null },
  ];
}
