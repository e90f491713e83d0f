import type { ConfirmationDecisionCommand } from '../../../temporal/src/contracts/receivable-confirmation.contract';
import type { Receivable } from '../domain/receivable';
import type { ReceivableTransition } from '../domain/receivable-status';

export interface TransitionRecord {
  transition: ReceivableTransition;
  /** Applying the same key twice is a no-op that returns the current state. */
  idempotencyKey: string;
  actor: string;
  reason?: string;
}

export abstract class ReceivableRepository {
  abstract findById(id: string): Promise<Receivable | undefined>;
  /**
   * Inserts the receivable and runs `beforeCommit` in the same transaction, so a failure
   * to start its workflow leaves nothing behind. A duplicate invoice is a coded conflict.
   */
  abstract insert(receivable: Receivable, beforeCommit: () => Promise<void>): Promise<void>;
  /** Locks the row, applies `change` once per idempotency key and records the event. */
  abstract transitionOnce(
    id: string,
    record: TransitionRecord,
    change: (current: Receivable) => Receivable,
  ): Promise<Receivable>;
}

/** The confirmation workflow as the application sees it. */
export abstract class ConfirmationWorkflows {
  abstract start(receivable: Receivable): Promise<void>;
  abstract decide(receivable: Receivable, command: ConfirmationDecisionCommand): Promise<void>;
}
