import type { EntityManager } from 'typeorm';
import type { Actor } from '@caravan/access';
import type { Listing, Queue } from '@caravan/http';
import type { ConfirmationDecisionCommand } from '../api/receivable-confirmation.contract';
import type { Receivable } from '../domain/receivable';
import type { ReceivableStatus } from '../domain/receivable-status';

/** Which receivables a caller may see: the rest do not exist for them. */
export type ReceivableScope =
  | { kind: 'all' }
  | { kind: 'creditor'; organisationId: string }
  | { kind: 'debtor'; organisationId: string }
  | { kind: 'creditor-or-debtor'; organisationId: string }
  | { kind: 'pledgee'; organisationId: string }
  | { kind: 'none' };

export interface ReceivableFilter {
  status?: ReceivableStatus;
  creditorId?: string;
  debtorId?: string;
  /** todo: awaiting the debtor's answer; done: answered (confirmed, disputed and after). */
  queue?: Queue;
}

export const RECEIVABLE_SORTS = ['registeredAt', 'invoiceNumber', 'amount', 'issueDate', 'dueDate', 'status'] as const;
export type ReceivableSort = (typeof RECEIVABLE_SORTS)[number];

export interface ChangeRecord {
  /** The audit action, e.g. `receivable.confirm`. */
  action: string;
  actor: Actor | string;
  /** Set for retried callers (workflow activities): the change then happens once. */
  idempotencyKey?: string;
  reason?: string;
}

/** Runs inside the change's transaction, after the row is written: more rows, a workflow start. */
export type Effect = (em: EntityManager, before: Receivable, after: Receivable) => Promise<void>;

export abstract class ReceivableRepository {
  abstract find(id: string, scope: ReceivableScope): Promise<Receivable | undefined>;
  abstract list(scope: ReceivableScope, filter: ReceivableFilter, listing: Listing<ReceivableSort>): Promise<[Receivable[], number]>;
  /** A duplicate invoice (creditor, debtor, number) is a coded conflict. */
  /** Registers it with its audit event, if its debtor is a core enterprise on the platform (else false, nothing written). */
  abstract insert(receivable: Receivable, actor: Actor): Promise<boolean>;
  /**
   * Locks the row (within scope, else not found), applies `change`, writes it, its audit
   * event and `effect`, all in one transaction (the caller's, when `within` is given); a
   * repeated idempotency key changes nothing.
   */
  abstract change(
    id: string,
    scope: ReceivableScope,
    record: ChangeRecord,
    change: (current: Receivable) => Receivable,
    effect?: Effect,
    within?: EntityManager,
  ): Promise<Receivable>;
  /** How many receivables of this creditor (or to this debtor) their debtor ever disputed. */
  abstract disputedCount(side: 'creditor' | 'debtor', organisationId: string): Promise<number>;
  /** The creditor, for the pledge registry; undefined when there is no such receivable. */
  abstract creditorOf(em: EntityManager, id: string): Promise<string | undefined>;
}

/** The confirmation workflow as the application sees it. */
export abstract class ConfirmationWorkflows {
  abstract start(receivable: Receivable): Promise<void>;
  abstract decide(receivable: Receivable, command: ConfirmationDecisionCommand): Promise<void>;
  /** Stops a running confirmation (the receivable was cancelled); a finished one is left alone. */
  abstract cancel(receivable: Receivable): Promise<void>;
}
