import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { orOnDuplicate } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { Actor, actorName, isOperatorReader, OrganisationKind } from '@caravan/access';
import { BusinessMetrics } from '@caravan/metrics';
import { Money, MoneyError } from '@caravan/money';
import { ConfirmationDecision, receivableSubmitKey } from '../api/receivable-confirmation.contract';
import { applyTransition, dilute, Receivable, registerReceivable, RegisterReceivable } from '../domain/receivable';
import { ReceivableStatus, ReceivableTransition } from '../domain/receivable-status';
import { ReceivableDilutionEntity } from '../infrastructure/receivable.entity';
import { notFound } from '../infrastructure/typeorm-receivable.repository';
import { ConfirmationWorkflows, ReceivableFilter, ReceivableRepository, ReceivableScope, ReceivableSort } from './ports';
import { ReceivableErrors } from '../domain/receivables.errors';

export type RegisterReceivableCommand = Omit<RegisterReceivable, 'amount' | 'creditorId'> & { amount: string; currency: string };

export interface DilutionCommand {
  kind: 'CREDIT_NOTE' | 'RETURN';
  reference: string;
  amount: string;
  reason: string;
}

/** What each kind of organisation sees of receivables (PRODUCT.md: parties see what concerns them). */
export function scopeOf(actor: Actor): ReceivableScope {
  switch (actor.organisationKind) {
    case OrganisationKind.OPERATOR:
      return isOperatorReader(actor) ? { kind: 'all' } : { kind: 'none' };
    case OrganisationKind.SME:
      return { kind: 'creditor', organisationId: actor.organisationId };
    case OrganisationKind.CORE_ENTERPRISE:
      return { kind: 'debtor', organisationId: actor.organisationId };
    case OrganisationKind.BANK:
      return { kind: 'pledgee', organisationId: actor.organisationId };
    default:
      return { kind: 'none' };
  }
}

@Injectable()
export class ReceivablesService {
  constructor(
    private readonly receivables: ReceivableRepository,
    private readonly workflows: ConfirmationWorkflows,
    private readonly metrics: BusinessMetrics,
  ) {}

  /** An SME registers an invoice owed to it by a core enterprise. */
  async register(actor: Actor, command: RegisterReceivableCommand): Promise<Receivable> {
    const amount = amountOf(command.amount, command.currency);
    const receivable = registerReceivable({ ...command, creditorId: actor.organisationId, amount }, randomUUID(), new Date());
    if (!(await this.receivables.insert(receivable, actor))) {
      throw ReceivableErrors.DEBTOR_NOT_CORE_ENTERPRISE('debtorId must name a core enterprise on the platform', 'debtorId');
    }
    this.metrics.receivableRegistered();
    return receivable;
  }

  async get(actor: Actor, id: string): Promise<Receivable> {
    const receivable = await this.receivables.find(id, scopeOf(actor));
    if (!receivable) throw notFound(id);
    return receivable;
  }

  /** The platform's own read (a workflow's eligibility check), outside any caller's scope. */
  peek(id: string): Promise<Receivable | undefined> {
    return this.receivables.find(id, { kind: 'all' });
  }

  /** A party's record for a bank's risk summary: how many of its receivables were ever disputed (a count, no details). */
  disputedCount(side: 'creditor' | 'debtor', organisationId: string): Promise<number> {
    return this.receivables.disputedCount(side, organisationId);
  }

  list(actor: Actor, filter: ReceivableFilter, listing: Listing<ReceivableSort>): Promise<[Receivable[], number]> {
    return this.receivables.list(scopeOf(actor), filter, listing);
  }

  /** The creditor submits it to the debtor: the confirmation workflow starts in the same transaction. */
  submit(actor: Actor, id: string): Promise<Receivable> {
    return this.receivables.change(
      id,
      { kind: 'creditor', organisationId: actor.organisationId },
      { action: 'receivable.submit', actor, idempotencyKey: receivableSubmitKey(id) },
      (current) => applyTransition(current, 'submit', new Date()),
      (_, __, after) => this.workflows.start(after),
    );
  }

  /** The debtor's answer goes to the workflow, which validates and records it. */
  async decide(actor: Actor, id: string, decision: ConfirmationDecision, reason?: string): Promise<Receivable> {
    const scope: ReceivableScope = { kind: 'debtor', organisationId: actor.organisationId };
    const receivable = await this.receivables.find(id, scope);
    if (!receivable) throw notFound(id);
    if (receivable.status !== ReceivableStatus.SUBMITTED) {
      throw ReceivableErrors.NOT_AWAITING_CONFIRMATION(`receivable is ${receivable.status}, not awaiting confirmation`);
    }
    await this.workflows.decide(receivable, { decision, debtorId: actor.organisationId, actor: actorName(actor), reason });
    return (await this.receivables.find(id, scope))!;
  }

  /** A credit note or return, recorded by the creditor or the debtor. */
  dilute(actor: Actor, id: string, command: DilutionCommand): Promise<Receivable> {
    return this.receivables.change(
      id,
      { kind: 'creditor-or-debtor', organisationId: actor.organisationId },
      { action: 'receivable.dilute', actor, reason: `${command.kind} ${command.reference}: ${command.reason}` },
      (current) => dilute(current, amountOf(command.amount, current.amount.currency), new Date()),
      async (em, before, after) => {
        const row = {
          id: randomUUID(),
          receivableId: id,
          kind: command.kind,
          reference: command.reference,
          amount: after.dilutedAmount.minus(before.dilutedAmount).amount,
          reason: command.reason,
          recordedBy: actor.userId,
          recordedAt: after.updatedAt,
        };
        await orOnDuplicate(
          () => em.insert(ReceivableDilutionEntity, row),
          () => ReceivableErrors.DUPLICATE_DILUTION(`dilution ${command.reference} is already recorded`, 'reference'),
        );
      },
    );
  }

  /** The creditor withdraws it; a running confirmation is stopped once the cancellation commits. */
  async cancel(actor: Actor, id: string, reason: string): Promise<Receivable> {
    const cancelled = await this.receivables.change(
      id,
      { kind: 'creditor', organisationId: actor.organisationId },
      { action: 'receivable.cancel', actor, reason },
      (current) => applyTransition(current, 'cancel', new Date()),
    );
    await this.workflows.cancel(cancelled);
    return cancelled;
  }

  /** Used by the workflow's activities (and the pledge registry): idempotent by key. */
  transition(
    id: string,
    transition: ReceivableTransition,
    actor: Actor | string,
    idempotencyKey?: string,
    reason?: string,
  ): Promise<Receivable> {
    return this.receivables.change(id, { kind: 'all' }, { action: `receivable.${transition}`, actor, idempotencyKey, reason }, (current) =>
      applyTransition(current, transition, new Date()),
    );
  }
}

function amountOf(amount: string, currency: string): Money {
  try {
    return Money.of(amount, currency);
  } catch (e) {
    if (e instanceof MoneyError) throw new MoneyError(e.code, e.message, e.kind, 'amount');
    throw e;
  }
}
