import { Injectable } from '@nestjs/common';
import { ScopedDatabase } from '@caravan/database';
import type { Listing, Queue } from '@caravan/http';
import { Actor, dataScopeOf } from '@caravan/access';
import { countDecisions, Decision, DecisionFilter, DecisionSort, findDecisions } from '../infrastructure/match-decision.repository';
import { ExceptionLine, ExceptionSort, findExceptions } from '../infrastructure/statement-line.repository';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

/** What people read of a bank's matching: its decisions and its exceptions queue. */
@Injectable()
export class MatchingQueriesService {
  constructor(private readonly db: ScopedDatabase) {}

  async decision(actor: Actor, id: string): Promise<Decision> {
    const [d] = await this.db.transaction(dataScopeOf(actor), (em) => findDecisions(em, { id }, { limit: 1, offset: 0 }));
    if (!d) throw ReconciliationErrors.DECISION_NOT_FOUND('no such match');
    return d;
  }

  /** Decisions (newest first unless sorted), for people to review (and undo): by status or queue, searched. */
  async decisions(actor: Actor, where: DecisionFilter, page: Listing<DecisionSort>): Promise<[Decision[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const total = await countDecisions(em, { ...where, q: page.q });
      return [await findDecisions(em, { ...where, q: page.q }, page), total];
    });
  }

  /**
   * The exceptions queue: every line no rule matched, oldest first, with its age in days, what
   * the rules suggested, and the three open expected movements of its direction nearest in amount;
   * or (done) the lines a person matched or wrote off since.
   */
  async exceptions(actor: Actor, queue: Queue, listing: Listing<ExceptionSort>): Promise<[ExceptionLine[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findExceptions(em, queue, listing));
  }
}
