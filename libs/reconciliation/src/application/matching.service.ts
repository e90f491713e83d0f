import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEntry, AuditLog } from '@caravan/audit';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { DomainError } from '@caravan/errors';
import { Actor, actorName, dataScopeOf, Role } from '@caravan/access';
import { Money } from '@caravan/money';
import { PaymentForwarding } from './payment-forwarding';
import { byAmountDateCounterparty, byReference, Line, Link, manualLinks, manyToOne, Method, oneToMany, OpenMovement, partyKey, Proposal, referenceKey } from '../domain/matching';

export interface ExpectedMovement {
  financingRef: string;
  kind: 'DISBURSEMENT' | 'PAYOUT' | 'REPAYMENT';
  /** Unique: the same movement is expected once, whoever records it again. */
  endToEndId: string;
  /** What the payer quotes; defaults to the end-to-end id. A loan's instalments share one. */
  reference?: string;
  direction: 'CRDT' | 'DBIT';
  amount: string;
  currency: string;
  valueFrom?: string;
  valueTo?: string;
  /** The payer or payee's name as a bank would print it. */
  counterparty?: string;
}

export interface Suggestion {
  decisionId: string;
  method: Method;
  confidence: string;
  links: Array<{ lineId: string; endToEndId: string | null; financingRef: string | null; amount: string }>;
}

export interface ExceptionLine {
  lineId: string;
  account: string;
  amount: string;
  currency: string;
  direction: string;
  endToEndId: string | null;
  counterparty: string | null;
  remittance: string | null;
  bookedOn: string | null;
  ageDays: number;
  /** What the rules proposed below the confidence threshold: confirm one, or match by hand. */
  suggestions: Suggestion[];
  /** The nearest open expected movements by amount, for a person to choose from. */
  candidates: Array<{ expectedId: string; endToEndId: string; financingRef: string; kind: string; remaining: string; counterparty: string | null }>;
}

export interface Decision {
  id: string;
  method: Method;
  confidence: string;
  status: 'ACTIVE' | 'SUGGESTED' | 'REVERSED';
  writtenOff: string;
  reason: string | null;
  decidedAt: string;
  decidedBy: string;
  links: Array<{ lineId: string; expectedId: string | null; amount: string; endToEndId: string | null; financingRef: string | null; lineAmount: string; account: string }>;
}

export interface BatchResult {
  processed: number;
  matched: number;
  suggested: number;
  done: boolean;
}

interface Draft extends Proposal {
  id: string;
  status: 'ACTIVE' | 'SUGGESTED';
  writtenOff?: string;
  reason?: string;
  /** Movements the decision closes even if not fully paid (an underpayment written off). */
  closes?: string[];
}

/** One bank's matching at a time: a person's match and a run never decide the same line twice. */
const LOCK = `SELECT pg_advisory_xact_lock(hashtext('reconciliation.matching'), hashtext(caravan_organisation()::text))`;
export const MATCH_BEYOND_TOLERANCE = 'reconciliation.match';
export const WRITE_OFF_BEYOND_TOLERANCE = 'reconciliation.write-off';
const FOUR_EYES = { makers: [Role.BACK_OFFICE], checkers: [Role.BACK_OFFICE, Role.TREASURY] };
/** Why a suggestion was dropped when its lines were proposed for again. */
const STALE = 'proposed afresh';
/** The lines the rules go through (as `l`): unmatched, not reversals, and not a line whose match a person or its financing undid. */
export const AUTOMATIC_LINES = `l.match_status = 'UNMATCHED' AND l.auto_match AND NOT l.reversal`;
const DECISION_FILTER = `($1::uuid IS NULL OR d.id = $1) AND ($2::text IS NULL OR d.status = $2)`;
const LINE_COLUMNS = `l.id::text AS id, l.amount::text AS amount, l.currency, l.direction, l.end_to_end_id AS "endToEndId",
  to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS day, l.counterparty_key AS "counterpartyKey"`;
const MOVEMENT_COLUMNS = `e.id, e.financing_ref AS "financingRef", e.kind, e.reference, e.direction, e.currency, (e.amount - e.settled)::text AS remaining,
  to_char(e.value_from, 'YYYY-MM-DD') AS "valueFrom", to_char(e.value_to, 'YYYY-MM-DD') AS "valueTo", e.counterparty_key AS "counterpartyKey"`;

interface ManualMatch {
  lineIds: string[];
  expectedIds: string[];
  reason?: string;
}

/**
 * Expected movements and matching, within one bank: every statement runs in the scope of the
 * bank whose lines and movements it touches, and row-level security holds it, so a statement
 * of one bank never settles what another bank awaits. A batch of unmatched lines goes through
 * the rules in order (exact reference; amount + date window + counterparty; many-to-one;
 * one-to-many); a proposal at or above the configured confidence is made, one below is kept
 * as a suggestion. Made matches of repayments are then forwarded to their financings'
 * workflows, once each. A person's write-off beyond the tolerance needs a second person.
 */
@Injectable()
export class MatchingService implements OnModuleInit {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly audit: AuditLog,
    private readonly forwarding: PaymentForwarding,
    private readonly config: AppConfig,
    private readonly dualControl: DualControl,
  ) {}

  onModuleInit(): void {
    this.dualControl.register({
      kind: MATCH_BEYOND_TOLERANCE,
      ...FOUR_EYES,
      apply: (em, request: DualControlRequest<ManualMatch>, checker) => this.decideManually(em, approvedBy(request, checker), request.payload, true),
      afterCommit: (_request, checker) => this.forwardPayments(checker),
    });
    this.dualControl.register({
      kind: WRITE_OFF_BEYOND_TOLERANCE,
      ...FOUR_EYES,
      apply: (em, request: DualControlRequest<{ lineId: string; reason: string }>, checker) =>
        this.writeOffWithin(em, approvedBy(request, checker), request.payload.lineId, request.payload.reason, true),
    });
  }

  /** Records, in the bank's transaction `em`, what should appear on its statement; the same end-to-end id once. */
  async expect(m: ExpectedMovement, em: EntityManager): Promise<void> {
    await em.query(
      `INSERT INTO expected_movements (id, financing_ref, kind, end_to_end_id, reference, direction, amount, currency, value_from, value_to, counterparty, counterparty_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT ON CONSTRAINT expected_movements_once DO NOTHING`,
      [randomUUID(), m.financingRef, m.kind, m.endToEndId, referenceKey(m.reference ?? m.endToEndId), m.direction, m.amount, m.currency, m.valueFrom ?? null, m.valueTo ?? null, m.counterparty ?? null, partyKey(m.counterparty)],
    );
  }

  /**
   * Runs the rules over the next `size` unmatched lines after `afterId`. Suggestions made
   * earlier for these lines are dropped and proposed afresh.
   */
  async matchBatch(em: EntityManager, actor: Actor | string, afterId: string, size: number): Promise<{ lines: Line[]; drafts: Draft[] }> {
    const lines: Line[] = (await em.query(`SELECT ${LINE_COLUMNS} FROM statement_lines l WHERE ${AUTOMATIC_LINES} AND l.id > $1 ORDER BY l.id LIMIT $2`, [afterId, size])).map(
      (l: Line) => ({ ...l, endToEndId: referenceKey(l.endToEndId) }),
    );
    if (lines.length === 0) return { lines, drafts: [] };
    await em.query(
      `UPDATE match_decisions SET status = 'REVERSED', reversed_at = now(), reversed_by = $2, reversal_reason = $3
        WHERE status = 'SUGGESTED' AND id IN (SELECT decision_id FROM match_links WHERE line_id = ANY($1::bigint[]))`,
      [lines.map((l) => l.id), label(actor), STALE],
    );
    const threshold = this.config.RECONCILIATION_AUTO_MATCH_CONFIDENCE;
    const drafts: Draft[] = [];
    const taken = new Set<string>();
    const open = new Map<string, OpenMovement>();
    const remember = (rows: OpenMovement[]) => rows.map((m) => open.get(m.id) ?? (open.set(m.id, m), m));
    const take = (p: Proposal) => {
      const made = p.confidence >= threshold;
      drafts.push({ ...p, id: randomUUID(), status: made ? 'ACTIVE' : 'SUGGESTED' });
      if (!made) return;
      for (const link of p.links) {
        taken.add(link.lineId);
        const m = link.expectedId ? open.get(link.expectedId) : undefined;
        if (m) m.remaining = Money.of(m.remaining, m.currency).minus(Money.of(link.amount, m.currency)).toString();
      }
    };
    const stillOpen = (ms: OpenMovement[]) => ms.filter((m) => Money.of(m.remaining, m.currency).isPositive());

    // 1. the reference the payer quoted
    const references = [...new Set(lines.map((l) => l.endToEndId).filter((r): r is string => !!r))];
    const byRef = groupBy(
      remember(await em.query(`SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.reference = ANY($1) AND e.status <> 'MATCHED' ORDER BY e.value_from NULLS FIRST, e.end_to_end_id`, [references])),
      (m) => m.reference,
    );
    for (const line of lines) {
      const p = line.endToEndId ? byReference(line, stillOpen(byRef.get(line.endToEndId) ?? [])) : undefined;
      if (p) take(p);
    }

    // 2. and 3. the amount, the window and the payer; several movements of one payer at once
    const left = () => lines.filter((l) => !taken.has(l.id));
    const amounts = [...new Set(left().map((l) => l.amount))];
    const byAmount = remember(amounts.length ? await em.query(`SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.status <> 'MATCHED' AND e.amount - e.settled = ANY($1::numeric[])`, [amounts]) : []);
    const parties = [...new Set(left().map((l) => l.counterpartyKey).filter((k): k is string => !!k))];
    const byParty = groupBy(
      remember(parties.length ? await em.query(`SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.status <> 'MATCHED' AND e.counterparty_key = ANY($1) ORDER BY e.value_from NULLS LAST, e.end_to_end_id`, [parties]) : []),
      (m) => m.counterpartyKey!,
    );
    for (const line of left()) {
      const proposals = [
        byAmountDateCounterparty(line, stillOpen(byAmount)),
        line.counterpartyKey ? manyToOne(line, stillOpen(byParty.get(line.counterpartyKey) ?? [])) : undefined,
      ].filter((p): p is Proposal => !!p);
      const best = proposals.sort((a, b) => b.confidence - a.confidence)[0];
      if (best) take(best);
      // what stays unmade is still worth showing: each weaker proposal is a suggestion too
      for (const p of proposals.slice(1)) if (!taken.has(line.id)) drafts.push({ ...p, id: randomUUID(), status: 'SUGGESTED' });
    }

    // 4. a movement paid in parts, by lines of this batch and any other unmatched ones of the payer
    if (parties.length) {
      const partyLines = groupBy(
        (await em.query(`SELECT ${LINE_COLUMNS} FROM statement_lines l WHERE ${AUTOMATIC_LINES} AND l.counterparty_key = ANY($1) ORDER BY day, l.id`, [parties])) as Line[],
        (l) => l.counterpartyKey!,
      );
      for (const [party, movements] of byParty) {
        for (const m of stillOpen(movements)) {
          const p = oneToMany(m, (partyLines.get(party) ?? []).filter((l) => !taken.has(l.id)));
          if (p) take(p);
        }
      }
    }
    await this.save(em, actor, drafts, open);
    return { lines, drafts };
  }

  /** Runs one batch of a bank's run in its own transaction, advancing the run's cursor with it. */
  async runBatch(bank: Actor, runId: string, size: number): Promise<BatchResult> {
    return this.db.transaction(dataScopeOf(bank), async (em) => {
      await em.query(LOCK);
      const [run] = await em.query(`SELECT cursor::text AS cursor, status FROM reconciliation_runs WHERE id = $1 FOR UPDATE`, [runId]);
      if (!run) throw new DomainError('RECONCILIATION.RUN_NOT_FOUND', `no reconciliation run ${runId}`, 'not_found');
      if (run.status !== 'RUNNING') return { processed: 0, matched: 0, suggested: 0, done: true };
      const { lines, drafts } = await this.matchBatch(em, bank.email, run.cursor, size);
      const made = drafts.filter((d) => d.status === 'ACTIVE');
      const matched = new Set(made.flatMap((d) => d.links.map((l) => l.lineId))).size;
      const suggested = drafts.length - made.length;
      await em.query(
        `UPDATE reconciliation_runs SET processed = processed + $2, matched = matched + $3, suggested = suggested + $4, cursor = coalesce($5, cursor) WHERE id = $1`,
        [runId, lines.length, matched, suggested, lines.at(-1)?.id ?? null],
      );
      return { processed: lines.length, matched, suggested, done: lines.length < size };
    });
  }

  /**
   * Tells the financings what made matches mean, once each: a repayment goes to its workflow
   * as a payment (keyed by the statement line, so never twice); a disbursement confirms the
   * money left. A financing that refuses a payment (closed, never disbursed) hands the line
   * back to the exceptions queue; a Temporal outage leaves it all for the next call.
   */
  async forwardPayments(actor: Actor): Promise<{ forwarded: number; refused: number }> {
    const scope = dataScopeOf(actor);
    const pending: Array<{ decision_id: string; line_id: string; financing_ref: string; kind: 'REPAYMENT' | 'DISBURSEMENT'; amount: string; booked_on: string | null }> = await this.db.transaction(scope, (em) => em.query(
      `SELECT d.id AS decision_id, k.line_id::text AS line_id, e.financing_ref, e.kind, sum(k.amount)::text AS amount,
              to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS booked_on
         FROM match_decisions d JOIN match_links k ON k.decision_id = d.id JOIN expected_movements e ON e.id = k.expected_id JOIN statement_lines l ON l.id = k.line_id
        WHERE d.status = 'ACTIVE' AND d.forwarded_at IS NULL AND e.kind IN ('REPAYMENT', 'DISBURSEMENT')
        -- confirmations first: a repayment may close its financing
        GROUP BY d.id, k.line_id, e.financing_ref, e.kind, l.booking_date, l.value_date ORDER BY e.kind = 'REPAYMENT', d.id, k.line_id`,
    ));
    const refused = new Map<string, string>();
    for (const p of pending) {
      if (refused.has(p.decision_id)) continue;
      const reference = `statement-line/${p.line_id}`;
      const answer = await this.forwarding.forward({ financingRef: p.financing_ref, kind: p.kind, reference, amount: p.amount, bookedOn: p.booked_on });
      if (answer.refused) refused.set(p.decision_id, answer.refused);
    }
    for (const [decisionId, reason] of refused) await this.reverse(actor, decisionId, reason, true);
    const done = [...new Set(pending.map((p) => p.decision_id))].filter((id) => !refused.has(id));
    await this.db.transaction(scope, (em) => em.query(`UPDATE match_decisions SET forwarded_at = now() WHERE id = ANY($1::uuid[]) AND forwarded_at IS NULL`, [done]));
    return { forwarded: done.length, refused: refused.size };
  }

  /**
   * A person matches lines to expected movements; a difference within tolerance is written off
   * with a reason, one beyond it becomes a request a second person approves. Confirming a
   * suggestion retires it in the same transaction.
   */
  async matchManually(actor: Actor, lineIds: string[], expectedIds: string[], reason?: string, confirming?: string): Promise<Decision | DualControlRequest> {
    const outcome = await this.db.transaction(dataScopeOf(actor), async (em) => {
      const decided = await this.decideManually(em, actorName(actor), { lineIds, expectedIds, reason }, false, confirming);
      if (decided.beyondTolerance) {
        const subject = [...new Set(lineIds)].sort().join(',');
        return this.dualControl.request(actor, MATCH_BEYOND_TOLERANCE, subject, { lineIds, expectedIds, reason }, reason, em);
      }
      return decided.decisionId!;
    });
    if (typeof outcome !== 'string') return outcome;
    await this.forwardPayments(actor);
    return this.decision(actor, outcome);
  }

  /** Makes a suggested match, if its lines and movements are still as they were. */
  async confirm(actor: Actor, decisionId: string): Promise<Decision | DualControlRequest> {
    const suggestion = await this.decision(actor, decisionId);
    if (suggestion.status !== 'SUGGESTED') throw new DomainError('RECONCILIATION.NOT_A_SUGGESTION', `the decision is ${suggestion.status}, not a suggestion`, 'conflict');
    const lineIds = [...new Set(suggestion.links.map((l) => l.lineId))];
    const expectedIds = [...new Set(suggestion.links.map((l) => l.expectedId).filter((e): e is string => !!e))];
    return this.matchManually(actor, lineIds, expectedIds, `confirmed suggestion ${decisionId} (${suggestion.method}, ${suggestion.confidence})`, decisionId);
  }

  /** Writes off a line no movement will ever explain (a bank fee, a few cents); beyond tolerance, with a second person. */
  async writeOff(actor: Actor, lineId: string, reason: string): Promise<Decision | DualControlRequest> {
    const outcome = await this.db.transaction(dataScopeOf(actor), async (em) => {
      const decided = await this.writeOffWithin(em, actorName(actor), lineId, reason, false);
      if (decided.beyondTolerance) return this.dualControl.request(actor, WRITE_OFF_BEYOND_TOLERANCE, lineId, { lineId, reason }, reason, em);
      return decided.decisionId!;
    });
    return typeof outcome === 'string' ? this.decision(actor, outcome) : outcome;
  }

  /**
   * Plans a manual match in `em` and, within tolerance (or `approved` by a second person),
   * makes it; beyond tolerance without approval, only says so.
   */
  private async decideManually(em: EntityManager, decidedBy: string, m: ManualMatch, approved: boolean, confirming?: string): Promise<{ decisionId?: string; beyondTolerance?: true }> {
    await em.query(LOCK);
    const lines = await this.lockLines(em, m.lineIds);
    const movements: OpenMovement[] = await em.query(`SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.id = ANY($1::uuid[]) ORDER BY e.value_from NULLS FIRST, e.end_to_end_id FOR UPDATE`, [m.expectedIds]);
    if (movements.length !== new Set(m.expectedIds).size) throw new DomainError('RECONCILIATION.EXPECTED_NOT_FOUND', 'an expected movement was not found', 'not_found', 'expectedIds');
    const settled = movements.find((mv) => !Money.of(mv.remaining, mv.currency).isPositive());
    if (settled) throw new DomainError('RECONCILIATION.ALREADY_SETTLED', `the expected movement ${settled.reference} is already settled`, 'conflict', 'expectedIds');
    const odd = movements.find((mv) => mv.direction !== lines[0].direction || mv.currency !== lines[0].currency);
    if (odd) throw new DomainError('RECONCILIATION.MISMATCHED_PAYMENT', `the expected movement ${odd.reference} is ${odd.direction} ${odd.currency}, the lines ${lines[0].direction} ${lines[0].currency}`, 'unprocessable', 'expectedIds');
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
    await this.save(em, decidedBy, [draft], new Map(movements.map((mv) => [mv.id, mv])));
    if (confirming) {
      const [, retired] = await em.query(
        `UPDATE match_decisions SET status = 'REVERSED', reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE id = $1 AND status = 'SUGGESTED'`,
        [confirming, decidedBy, `confirmed as ${draft.id}`],
      );
      if (retired === 0) throw new DomainError('RECONCILIATION.NOT_A_SUGGESTION', 'the suggestion was decided meanwhile', 'conflict');
    }
    return { decisionId: draft.id };
  }

  private async writeOffWithin(em: EntityManager, decidedBy: string, lineId: string, reason: string, approved: boolean): Promise<{ decisionId?: string; beyondTolerance?: true }> {
    await em.query(LOCK);
    const [line] = await this.lockLines(em, [lineId]);
    const amount = Money.of(line.amount, line.currency);
    this.requireReason(amount, reason, 'reason');
    if (!approved && this.beyondTolerance(amount)) return { beyondTolerance: true };
    const draft: Draft = { id: randomUUID(), method: 'WRITE_OFF', confidence: 1, status: 'ACTIVE', links: [{ lineId, expectedId: null, amount: line.amount }], writtenOff: line.amount, reason };
    await this.save(em, decidedBy, [draft], new Map());
    return { decisionId: draft.id };
  }

  /**
   * Undoes a decision: its lines go back to the queue and its movements await again. A
   * repayment its financing has already allocated is not undone here: the money is on the
   * loan, and only a refund takes it back.
   */
  async reverse(actor: Actor, decisionId: string, reason: string, refusedByFinancing = false): Promise<Decision> {
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await em.query(LOCK);
      const [d] = await em.query('SELECT status, forwarded_at FROM match_decisions WHERE id = $1 FOR UPDATE', [decisionId]);
      if (!d) throw new DomainError('RECONCILIATION.DECISION_NOT_FOUND', 'no such match', 'not_found');
      if (d.status === 'REVERSED') throw new DomainError('RECONCILIATION.ALREADY_REVERSED', 'this match was already undone', 'conflict');
      const links: Array<{ line_id: string; expected_id: string | null; amount: string; kind: string | null }> = await em.query(
        `SELECT k.line_id::text AS line_id, k.expected_id, k.amount::text AS amount, e.kind FROM match_links k LEFT JOIN expected_movements e ON e.id = k.expected_id WHERE k.decision_id = $1`,
        [decisionId],
      );
      if (d.forwarded_at && !refusedByFinancing && links.some((l) => l.kind === 'REPAYMENT')) {
        throw new DomainError('RECONCILIATION.PAYMENT_ALLOCATED', 'the financing has allocated this payment; a refund, not an unmatch, takes it back', 'conflict');
      }
      await em.query(`UPDATE match_decisions SET status = 'REVERSED', reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE id = $1`, [decisionId, actor.email, reason]);
      if (d.status === 'ACTIVE') {
        // undone by a person or a financing: the rules must not make the same match again
        await em.query(`UPDATE statement_lines SET match_status = 'UNMATCHED', auto_match = false WHERE id = ANY($1::bigint[])`, [links.map((l) => l.line_id)]);
        await this.settle(em, links.filter((l) => l.expected_id).map((l) => ({ expectedId: l.expected_id!, amount: `-${l.amount}` })), []);
      }
      await this.audit.record(em, { actor, action: 'statement-match.reverse', entityType: 'statement-match', entityId: decisionId, before: { status: d.status, links }, after: { status: 'REVERSED', reason } });
    });
    return this.decision(actor, decisionId);
  }

  async decision(actor: Actor, id: string): Promise<Decision> {
    const [d] = await this.db.transaction(dataScopeOf(actor), (em) => this.decisionRows(em, { id }, 1, 0));
    if (!d) throw new DomainError('RECONCILIATION.DECISION_NOT_FOUND', 'no such match', 'not_found');
    return d;
  }

  /** Decisions newest first, for people to review (and undo); one by id, or those of a status. */
  async decisions(actor: Actor, where: { id?: string; status?: Decision['status'] }, limit: number, offset: number): Promise<[Decision[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM match_decisions d WHERE ${DECISION_FILTER}`, [where.id ?? null, where.status ?? null]);
      return [await this.decisionRows(em, where, limit, offset), total];
    });
  }

  private decisionRows(em: EntityManager, where: { id?: string; status?: Decision['status'] }, limit: number, offset: number): Promise<Decision[]> {
    return em.query(
      `SELECT d.id, d.method, d.confidence::text AS confidence, d.status, d.written_off::text AS "writtenOff", d.reason, d.decided_at AS "decidedAt", d.decided_by AS "decidedBy",
              (SELECT json_agg(json_build_object('lineId', k.line_id::text, 'expectedId', k.expected_id, 'amount', k.amount::text,
                                                 'endToEndId', e.end_to_end_id, 'financingRef', e.financing_ref, 'lineAmount', l.amount::text, 'account', l.account))
                 FROM match_links k JOIN statement_lines l ON l.id = k.line_id LEFT JOIN expected_movements e ON e.id = k.expected_id WHERE k.decision_id = d.id) AS links
         FROM match_decisions d WHERE ${DECISION_FILTER} ORDER BY d.decided_at DESC, d.id LIMIT $3 OFFSET $4`,
      [where.id ?? null, where.status ?? null, limit, offset],
    );
  }

  /**
   * The exceptions queue: every line no rule matched, oldest first, with its age in days, what
   * the rules suggested, and the three open expected movements of its direction nearest in amount.
   */
  async exceptions(actor: Actor, limit: number, offset: number): Promise<[ExceptionLine[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
    const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM statement_lines WHERE match_status = 'UNMATCHED'`);
    const rows = await em.query(
      `SELECT l.id::text AS "lineId", l.account, l.amount::text AS amount, l.currency, l.direction, l.end_to_end_id AS "endToEndId", l.counterparty_name AS counterparty,
              l.remittance, to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS "bookedOn",
              (current_date - coalesce(l.booking_date, l.value_date, current_date))::int AS "ageDays",
              coalesce((SELECT json_agg(json_build_object('decisionId', d.id, 'method', d.method, 'confidence', d.confidence::text, 'links',
                          (SELECT json_agg(json_build_object('lineId', k.line_id::text, 'endToEndId', e.end_to_end_id, 'financingRef', e.financing_ref, 'amount', k.amount::text))
                             FROM match_links k LEFT JOIN expected_movements e ON e.id = k.expected_id WHERE k.decision_id = d.id)) ORDER BY d.confidence DESC)
                          FROM match_decisions d WHERE d.status = 'SUGGESTED' AND d.id IN (SELECT decision_id FROM match_links WHERE line_id = l.id)), '[]') AS suggestions,
              coalesce((SELECT json_agg(json_build_object('expectedId', c.id, 'endToEndId', c.end_to_end_id, 'financingRef', c.financing_ref, 'kind', c.kind, 'remaining', c.remaining::text, 'counterparty', c.counterparty) ORDER BY c.distance) FROM (
                 SELECT e.id, e.end_to_end_id, e.financing_ref, e.kind, e.amount - e.settled AS remaining, e.counterparty, abs(e.amount - e.settled - l.amount) AS distance
                   FROM expected_movements e
                  WHERE e.status <> 'MATCHED' AND e.direction = l.direction AND e.currency = l.currency
                  ORDER BY abs(e.amount - e.settled - l.amount) LIMIT 3) c), '[]') AS candidates
         FROM statement_lines l
        WHERE l.match_status = 'UNMATCHED'
        ORDER BY coalesce(l.booking_date, l.value_date) NULLS LAST, l.id
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return [rows, total] as [ExceptionLine[], number];
    });
  }

  private async lockLines(em: EntityManager, lineIds: string[]): Promise<Line[]> {
    const lines: Array<Line & { match_status: string }> = await em.query(`SELECT ${LINE_COLUMNS}, l.match_status FROM statement_lines l WHERE l.id = ANY($1::bigint[]) ORDER BY l.id FOR UPDATE`, [lineIds]);
    if (lines.length !== new Set(lineIds).size) throw new DomainError('RECONCILIATION.LINE_NOT_FOUND', 'a statement line was not found', 'not_found', 'lineIds');
    const decided = lines.find((l) => l.match_status !== 'UNMATCHED');
    if (decided) throw new DomainError('RECONCILIATION.LINE_DECIDED', `statement line ${decided.id} is already ${decided.match_status}`, 'conflict', 'lineIds');
    if (lines.some((l) => l.currency !== lines[0].currency || l.direction !== lines[0].direction)) {
      throw new DomainError('RECONCILIATION.MISMATCHED_PAYMENT', 'the lines differ in currency or direction', 'unprocessable', 'lineIds');
    }
    return lines;
  }

  private beyondTolerance(difference: Money): boolean {
    const size = difference.isNegative() ? Money.zero(difference.currency).minus(difference) : difference;
    return size.compare(Money.of(this.config.RECONCILIATION_WRITE_OFF_TOLERANCE, difference.currency)) > 0;
  }

  private requireReason(difference: Money, reason: string | undefined, field: string): void {
    if (!reason?.trim()) throw new DomainError('RECONCILIATION.REASON_REQUIRED', `writing off ${difference} needs a reason`, 'invalid', field);
  }

  /** Writes decisions with their links; made ones mark their lines and settle their movements. */
  private async save(em: EntityManager, actor: Actor | string, drafts: Draft[], movements: Map<string, OpenMovement>): Promise<void> {
    if (drafts.length === 0) return;
    const links = drafts.flatMap((d) => d.links.map((l) => ({ ...l, decisionId: d.id })));
    // a made decision with no repayment or disbursement in it has nothing to tell a financing
    const forwarded = drafts.map((d) => d.status === 'ACTIVE' && !d.links.some((l) => l.expectedId && ['REPAYMENT', 'DISBURSEMENT'].includes(movements.get(l.expectedId)?.kind ?? '')));
    await em.query(
      `INSERT INTO match_decisions (id, method, confidence, status, written_off, reason, forwarded_at, decided_by)
       SELECT id, method, confidence, status, written_off, reason, CASE WHEN forwarded THEN now() END, $8
         FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::numeric[], $6::text[], $7::boolean[]) AS d(id, method, confidence, status, written_off, reason, forwarded)`,
      [drafts.map((d) => d.id), drafts.map((d) => d.method), drafts.map((d) => d.confidence), drafts.map((d) => d.status), drafts.map((d) => d.writtenOff ?? '0'), drafts.map((d) => d.reason ?? null), forwarded, label(actor)],
    );
    await em.query(`INSERT INTO match_links (decision_id, line_id, expected_id, amount) SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::numeric[])`, [
      links.map((l) => l.decisionId),
      links.map((l) => l.lineId),
      links.map((l) => l.expectedId),
      links.map((l) => l.amount),
    ]);
    const made = drafts.filter((d) => d.status === 'ACTIVE');
    if (made.length === 0) return;
    const lineStatus = new Map(made.flatMap((d) => d.links.map((l) => [l.lineId, d.method === 'WRITE_OFF' ? 'WRITTEN_OFF' : 'MATCHED'] as const)));
    let updated = 0;
    for (const status of ['MATCHED', 'WRITTEN_OFF']) {
      const ids = [...lineStatus].filter(([, s]) => s === status).map(([id]) => id);
      if (ids.length) updated += (await em.query(`UPDATE statement_lines SET match_status = $2 WHERE id = ANY($1::bigint[]) AND match_status = 'UNMATCHED'`, [ids, status]))[1];
    }
    // the advisory lock makes this impossible; were it not, the transaction must not go on
    if (updated !== lineStatus.size) throw new Error(`matching raced: ${lineStatus.size - updated} lines were decided meanwhile`);
    await this.settle(
      em,
      made.flatMap((d) => d.links.filter((l): l is Link & { expectedId: string } => !!l.expectedId)),
      made.flatMap((d) => d.closes ?? []),
    );
    await this.audit.recordMany(
      em,
      made.map(
        (d): AuditEntry => ({
          actor,
          action: d.method === 'WRITE_OFF' ? 'statement-line.write-off' : 'statement-line.match',
          entityType: 'statement-match',
          entityId: d.id,
          after: { method: d.method, confidence: d.confidence, links: d.links, writtenOff: d.writtenOff, reason: d.reason },
        }),
      ),
    );
  }

  /** Adds (or, negative, takes back) settled amounts; a movement is matched once fully paid or closed. */
  private async settle(em: EntityManager, links: Array<{ expectedId: string; amount: string }>, closes: string[]): Promise<void> {
    if (links.length === 0 && closes.length === 0) return;
    await em.query(
      `UPDATE expected_movements e
          SET settled = e.settled + x.amount,
              status = CASE WHEN e.settled + x.amount >= e.amount OR e.id = ANY($3::uuid[]) THEN 'MATCHED' WHEN e.settled + x.amount > 0 THEN 'PARTIAL' ELSE 'OPEN' END
         FROM (SELECT id, sum(amount) AS amount FROM unnest($1::uuid[], $2::numeric[]) AS t(id, amount) GROUP BY id
               UNION ALL SELECT c, 0 FROM unnest($3::uuid[]) AS c WHERE c <> ALL($1::uuid[])) AS x
        -- the ANY lets PostgreSQL find the rows by key rather than join the whole table
        WHERE e.id = x.id AND (e.id = ANY($1::uuid[]) OR e.id = ANY($3::uuid[]))`,
      [links.map((l) => l.expectedId), links.map((l) => l.amount), closes],
    );
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const label = (actor: Actor | string) => (typeof actor === 'string' ? actor : actor.email);

/** A change a second person approved is decided in the name of both. */
const approvedBy = (request: DualControlRequest, checker: Actor) => `${request.requestedByName}, approved by ${actorName(checker)}`;
