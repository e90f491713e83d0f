import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { Actor, actorName, dataScopeOf, Role } from '@caravan/access';
import { BusinessMetrics } from '@caravan/metrics';
import { Money } from '@caravan/money';
import { Draft, Line, manualLinks, OpenMovement } from '../domain/matching';
import { lockMovements } from '../infrastructure/expected-movement.repository';
import { Decision, lockMatching, retireSuggestion } from '../infrastructure/match-decision.repository';
import { lockLines } from '../infrastructure/statement-line.repository';
import { AccountPostingsService } from './account-postings.service';
import { MatchDecisionsService } from './match-decisions.service';
import { MatchForwardingService } from './match-forwarding.service';
import { MatchingQueriesService } from './matching-queries.service';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

const MATCH_BEYOND_TOLERANCE = 'reconciliation.match';
const WRITE_OFF_BEYOND_TOLERANCE = 'reconciliation.write-off';
const FOUR_EYES = { makers: [Role.BACK_OFFICE], checkers: [Role.BACK_OFFICE, Role.TREASURY] };

interface ManualMatch {
  lineIds: string[];
  expectedIds: string[];
  reason?: string;
}

/**
 * A person's decisions on a bank's lines: a match by hand, a suggestion confirmed, a line
 * written off. A difference or write-off beyond the tolerance needs a second person.
 */
@Injectable()
export class ManualMatchingService implements OnModuleInit {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly config: AppConfig,
    private readonly dualControl: DualControl,
    private readonly decisions: MatchDecisionsService,
    private readonly forwarder: MatchForwardingService,
    private readonly queries: MatchingQueriesService,
    private readonly postings: AccountPostingsService,
    private readonly metrics: BusinessMetrics,
  ) {}

  onModuleInit(): void {
    this.dualControl.register({
      kind: MATCH_BEYOND_TOLERANCE,
      ...FOUR_EYES,
      apply: (em, request: DualControlRequest<ManualMatch>, checker) =>
        this.decideManually(em, approvedBy(request, checker), request.payload, true),
      afterCommit: (request: DualControlRequest<ManualMatch>, checker) => {
        this.metrics.reconciliationLines('manual', 'MANUAL', new Set(request.payload.lineIds).size);
        return this.forwarder.forwardPayments(checker);
      },
    });
    this.dualControl.register({
      kind: WRITE_OFF_BEYOND_TOLERANCE,
      ...FOUR_EYES,
      apply: (em, request: DualControlRequest<{ lineId: string; reason: string }>, checker) =>
        this.writeOffWithin(em, checker, approvedBy(request, checker), request.payload, true),
    });
  }

  /**
   * A person matches lines to expected movements; a difference within tolerance is written off
   * with a reason, one beyond it becomes a request a second person approves. Confirming a
   * suggestion retires it in the same transaction.
   */
  async matchManually(
    actor: Actor,
    lineIds: string[],
    expectedIds: string[],
    reason?: string,
    confirming?: string,
  ): Promise<Decision | DualControlRequest> {
    const outcome = await this.db.transaction(dataScopeOf(actor), async (em) => {
      const decided = await this.decideManually(em, actorName(actor), { lineIds, expectedIds, reason }, false, confirming);
      if (decided.beyondTolerance) {
        const subject = [...new Set(lineIds)].sort().join(',');
        return this.dualControl.request(actor, MATCH_BEYOND_TOLERANCE, subject, { lineIds, expectedIds, reason }, reason, em);
      }
      return decided.decisionId!;
    });
    if (typeof outcome !== 'string') return outcome;
    this.metrics.reconciliationLines('manual', 'MANUAL', new Set(lineIds).size);
    await this.forwarder.forwardPayments(actor);
    return this.queries.decision(actor, outcome);
  }

  /** Makes a suggested match, if its lines and movements are still as they were. */
  async confirm(actor: Actor, decisionId: string): Promise<Decision | DualControlRequest> {
    const suggestion = await this.queries.decision(actor, decisionId);
    if (suggestion.status !== 'SUGGESTED')
      throw ReconciliationErrors.NOT_A_SUGGESTION(`the decision is ${suggestion.status}, not a suggestion`);
    const lineIds = [...new Set(suggestion.links.map((l) => l.lineId))];
    const expectedIds = [...new Set(suggestion.links.map((l) => l.expectedId).filter((e): e is string => !!e))];
    return this.matchManually(
      actor,
      lineIds,
      expectedIds,
      `confirmed suggestion ${decisionId} (${suggestion.method}, ${suggestion.confidence})`,
      decisionId,
    );
  }

  /** Writes off a line no movement will ever explain (a bank fee, a few cents); beyond tolerance, with a second person. */
  async writeOff(actor: Actor, lineId: string, reason: string): Promise<Decision | DualControlRequest> {
    const outcome = await this.db.transaction(dataScopeOf(actor), async (em) => {
      const decided = await this.writeOffWithin(em, actor, actorName(actor), { lineId, reason }, false);
      if (decided.beyondTolerance)
        return this.dualControl.request(actor, WRITE_OFF_BEYOND_TOLERANCE, lineId, { lineId, reason }, reason, em);
      return decided.decisionId!;
    });
    if (typeof outcome !== 'string') return outcome;
    this.metrics.reconciliationLines('manual', 'WRITE_OFF', 1);
    return this.queries.decision(actor, outcome);
  }

  /**
   * Plans a manual match in `em` and, within tolerance (or `approved` by a second person),
   * makes it; beyond tolerance without approval, only says so.
   */
  private async decideManually(
    em: EntityManager,
    decidedBy: string,
    m: ManualMatch,
    approved: boolean,
    confirming?: string,
  ): Promise<{ decisionId?: string; beyondTolerance?: true }> {
    await lockMatching(em);
    const lines = await this.lockUndecidedLines(em, m.lineIds);
    const movements = await this.lockOpenMovements(em, m.expectedIds, lines[0]);
    const { links, difference } = manualLinks(lines, movements);
    if (!difference.isZero()) this.requireReason(difference, m.reason, 'reason');
    if (!approved && this.beyondTolerance(difference)) return { beyondTolerance: true };
    const draft: Draft = {
      id: randomUUID(),
      method: 'MANUAL',
      confidence: 1,
      status: 'ACTIVE',
      links,
      writtenOff: difference.toString(),
      reason: m.reason,
      closes: difference.isNegative() ? movements.map((mv) => mv.id) : [],
    };
    await this.decisions.record(em, decidedBy, [draft], new Map(movements.map((mv) => [mv.id, mv])));
    if (confirming) {
      const retired = await retireSuggestion(em, confirming, decidedBy, `confirmed as ${draft.id}`);
      if (retired === 0) throw ReconciliationErrors.NOT_A_SUGGESTION('the suggestion was decided meanwhile');
    }
    return { decisionId: draft.id };
  }

  /** A written-off line of an account mapped to the ledger posts to the differences, so the report closes. */
  private async writeOffWithin(
    em: EntityManager,
    poster: Actor,
    decidedBy: string,
    { lineId, reason }: { lineId: string; reason: string },
    approved: boolean,
  ): Promise<{ decisionId?: string; beyondTolerance?: true }> {
    await lockMatching(em);
    const [line] = await this.lockUndecidedLines(em, [lineId], 'id');
    const amount = Money.of(line.amount, line.currency);
    this.requireReason(amount, reason, 'reason');
    if (!approved && this.beyondTolerance(amount)) return { beyondTolerance: true };
    const draft: Draft = {
      id: randomUUID(),
      method: 'WRITE_OFF',
      confidence: 1,
      status: 'ACTIVE',
      links: [{ lineId, expectedId: null, amount: line.amount }],
      writtenOff: line.amount,
      reason,
    };
    await this.decisions.record(em, decidedBy, [draft], new Map());
    await this.postings.postWriteOff(em, poster, draft.id, lineId, reason);
    return { decisionId: draft.id };
  }

  /** Locks the movements for a decision: all found, none settled yet, all of the lines' currency and direction. */
  private async lockOpenMovements(em: EntityManager, expectedIds: string[], line: Line): Promise<OpenMovement[]> {
    const movements = await lockMovements(em, expectedIds);
    if (movements.length !== new Set(expectedIds).size)
      throw ReconciliationErrors.EXPECTED_NOT_FOUND('an expected movement was not found', 'expectedIds');
    const settled = movements.find((mv) => !Money.of(mv.remaining, mv.currency).isPositive());
    if (settled) throw ReconciliationErrors.ALREADY_SETTLED(`the expected movement ${settled.reference} is already settled`, 'expectedIds');
    const odd = movements.find((mv) => mv.direction !== line.direction || mv.currency !== line.currency);
    if (odd)
      throw ReconciliationErrors.MISMATCHED_PAYMENT(
        `the expected movement ${odd.reference} is ${odd.direction} ${odd.currency}, the lines ${line.direction} ${line.currency}`,
        'expectedIds',
      );
    return movements;
  }

  /** Locks the lines for a decision: all found, none decided yet, all of one currency and direction. */
  private async lockUndecidedLines(em: EntityManager, lineIds: string[], field = 'lineIds'): Promise<Line[]> {
    const lines = await lockLines(em, lineIds);
    if (lines.length !== new Set(lineIds).size) throw ReconciliationErrors.LINE_NOT_FOUND('a statement line was not found', field);
    const decided = lines.find((l) => l.matchStatus !== 'UNMATCHED');
    if (decided) throw ReconciliationErrors.LINE_DECIDED(`statement line ${decided.id} is already ${decided.matchStatus}`, field);
    if (lines.some((l) => l.currency !== lines[0].currency || l.direction !== lines[0].direction)) {
      throw ReconciliationErrors.MISMATCHED_PAYMENT('the lines differ in currency or direction', field);
    }
    return lines;
  }

  private beyondTolerance(difference: Money): boolean {
    const size = difference.isNegative() ? Money.zero(difference.currency).minus(difference) : difference;
    return size.compare(Money.of(this.config.RECONCILIATION_WRITE_OFF_TOLERANCE, difference.currency)) > 0;
  }

  private requireReason(difference: Money, reason: string | undefined, field: string): void {
    if (!reason?.trim()) throw ReconciliationErrors.REASON_REQUIRED(`writing off ${difference} needs a reason`, field);
  }
}

/** A change a second person approved is decided in the name of both. */
const approvedBy = (request: DualControlRequest, checker: Actor) => `${request.requestedByName}, approved by ${actorName(checker)}`;
