import { Injectable } from '@nestjs/common';
import { ScopedDatabase } from '@caravan/database';
import { Actor, dataScopeOf } from '@caravan/access';
import { countDecisions, Decision, DecisionFilter, findDecisions } from '../infrastructure/match-decision.repository';
import { ExceptionLine, findExceptions } from '../infrastructure/statement-line.repository';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

/** What people read of a bank's matching: its decisions and its exceptions queue. */
@Injectable()
export class MatchingQueriesService {
  constructor(private readonly db: ScopedDatabase) {}

  async decision(actor: Actor, id: string): Promise<Decision> {
    const [d] = await this.db.transaction(dataScopeOf(actor), (em) => findDecisions(em, { id }, 1, 0));
    if (!d) throw ReconciliationErrors.DECISION_NOT_FOUND('no such match');
    return d;
  }

  /** Decisions newest first, for people to review (and undo); one by id, or those of a status. */
  async decisions(actor: Actor, where: DecisionFilter, limit: number, offset: number): Promise<[Decision[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const total = await countDecisions(em, where);
      return [await findDecisions(em, where, limit, offset), total];
    });
  }

  /**
   * The exceptions queue: every line no rule matched, oldest first, with its age in days, what
   * the rules suggested, and the three open expected movements of its direction nearest in amount.
   */
  async exceptions(actor: Actor, limit: number, offset: number): Promise<[ExceptionLine[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findExceptions(em, limit, offset));
  }
}
