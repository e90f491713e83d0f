import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditLog } from '@caravan/audit';
import { ScopedDatabase } from '@caravan/database';
import { Actor, dataScopeOf } from '@caravan/access';
import { Draft, Link, OpenMovement } from '../domain/matching';
import { settleMovements } from '../infrastructure/expected-movement.repository';
import {
  Decision,
  findLinks,
  insertDecisions,
  insertLinks,
  lockDecision,
  lockMatching,
  reverseDecision,
} from '../infrastructure/match-decision.repository';
import { decideLines, reopenLines } from '../infrastructure/statement-line.repository';
import { AccountPostingsService } from './account-postings.service';
import { MatchingQueriesService } from './matching-queries.service';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

/**
 * What a decision does to a bank's lines and movements, whoever takes it (a run, a person, a
 * financing refusing a payment): recording one, and undoing one.
 */
@Injectable()
export class MatchDecisionsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly audit: AuditLog,
    private readonly queries: MatchingQueriesService,
    private readonly postings: AccountPostingsService,
  ) {}

  /** Writes decisions with their links; made ones mark their lines and settle their movements. */
  async record(em: EntityManager, decidedBy: string, drafts: Draft[], movements: Map<string, OpenMovement>): Promise<void> {
    if (drafts.length === 0) return;
    // a made decision with no repayment or disbursement in it has nothing to tell a financing
    const forwarded = (d: Draft) =>
      d.status === 'ACTIVE' &&
      !d.links.some((l) => l.expectedId && ['REPAYMENT', 'DISBURSEMENT'].includes(movements.get(l.expectedId)?.kind ?? ''));
    await insertDecisions(
      em,
      drafts.map((d) => ({ ...d, forwarded: forwarded(d) })),
      decidedBy,
    );
    await insertLinks(
      em,
      drafts.flatMap((d) => d.links.map((l) => ({ ...l, decisionId: d.id }))),
    );
    const made = drafts.filter((d) => d.status === 'ACTIVE');
    if (made.length === 0) return;
    await decideLinesOf(em, made);
    await settleMovements(
      em,
      made.flatMap((d) => d.links.filter((l): l is Link & { expectedId: string } => !!l.expectedId)),
      made.flatMap((d) => d.closes ?? []),
    );
    await this.audit.recordMany(
      em,
      made.map((d): AuditEntry => ({
        actor: decidedBy,
        action: d.method === 'WRITE_OFF' ? 'statement-line.write-off' : 'statement-line.match',
        entityType: 'statement-match',
        entityId: d.id,
        after: { method: d.method, confidence: d.confidence, links: d.links, writtenOff: d.writtenOff, reason: d.reason },
      })),
    );
  }

  /**
   * Undoes a decision: its lines go back to the queue and its movements await again. A
   * repayment its financing has already allocated is not undone here: the money is on the
   * loan, and only a refund takes it back.
   */
  async reverse(actor: Actor, decisionId: string, reason: string, refusedByFinancing = false): Promise<Decision> {
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await lockMatching(em);
      const d = await lockDecision(em, decisionId);
      if (!d) throw ReconciliationErrors.DECISION_NOT_FOUND('no such match');
      if (d.status === 'REVERSED') throw ReconciliationErrors.ALREADY_REVERSED('this match was already undone');
      const links = await findLinks(em, decisionId);
      if (d.forwardedAt && !refusedByFinancing && links.some((l) => l.kind === 'REPAYMENT')) {
        throw ReconciliationErrors.PAYMENT_ALLOCATED('the financing has allocated this payment; a refund, not an unmatch, takes it back');
      }
      await reverseDecision(em, decisionId, actor.email, reason);
      if (d.status === 'ACTIVE') {
        // undone by a person or a financing: the rules must not make the same match again
        await reopenLines(
          em,
          links.map((l) => l.line_id),
        );
        await settleMovements(
          em,
          links.filter((l) => l.expected_id).map((l) => ({ expectedId: l.expected_id!, amount: `-${l.amount}` })),
          [],
        );
        // a rule's or a write-off's posting goes with it
        if (d.method === 'RULE' || d.method === 'WRITE_OFF') await this.postings.undo(em, actor, decisionId, links[0].line_id, reason);
      }
      await this.audit.record(em, {
        actor,
        action: 'statement-match.reverse',
        entityType: 'statement-match',
        entityId: decisionId,
        before: { status: d.status, links },
        after: { status: 'REVERSED', reason },
      });
    });
    return this.queries.decision(actor, decisionId);
  }
}

/** Marks the lines of made decisions matched or written off; every one must still have been undecided. */
async function decideLinesOf(em: EntityManager, made: Draft[]): Promise<void> {
  const lineStatus = new Map(
    made.flatMap((d) => d.links.map((l) => [l.lineId, d.method === 'WRITE_OFF' ? 'WRITTEN_OFF' : 'MATCHED'] as const)),
  );
  let updated = 0;
  for (const status of ['MATCHED', 'WRITTEN_OFF'] as const) {
    const ids = [...lineStatus].filter(([, s]) => s === status).map(([id]) => id);
    if (ids.length) updated += await decideLines(em, ids, status);
  }
  // the advisory lock makes this impossible; were it not, the transaction must not go on
  if (updated !== lineStatus.size) throw new Error(`matching raced: ${lineStatus.size - updated} lines were decided meanwhile`);
}
