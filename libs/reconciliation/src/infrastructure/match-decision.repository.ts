import type { EntityManager } from 'typeorm';
import { ilikeAny, orderBy, searchPattern, Sorting } from '@caravan/database';
import type { Queue } from '@caravan/http';
import { auditInsertFrom } from '@caravan/audit';
import type { Draft, Link, Method } from '../domain/matching';

// Row-level security limits every statement here to the transaction's bank.

// a decision by id, by status, by queue (todo: suggested; done: made or reversed), and searched in its reason, author and links
const DECISION_FILTER = `($1::uuid IS NULL OR d.id = $1) AND ($2::text IS NULL OR d.status = $2)
  AND ($3::text IS NULL OR (d.status = 'SUGGESTED') = ($3 = 'todo'))
  AND ($4::text IS NULL OR ${ilikeAny(['d.reason', 'd.decided_by'], '$4')} OR EXISTS (
        SELECT 1 FROM match_links k JOIN statement_lines l ON l.id = k.line_id LEFT JOIN expected_movements e ON e.id = k.expected_id
         WHERE k.decision_id = d.id AND ${ilikeAny(['e.financing_ref', 'e.end_to_end_id', 'l.end_to_end_id', 'l.counterparty_name', 'l.remittance', 'l.account'], '$4')}))`;

export const DECISION_SORTS = ['decidedAt', 'confidence', 'writtenOff', 'method', 'status'] as const;
export type DecisionSort = (typeof DECISION_SORTS)[number];

const DECISION_COLUMNS: Record<DecisionSort, string> = {
  decidedAt: 'd.decided_at',
  confidence: 'd.confidence',
  writtenOff: 'd.written_off',
  method: 'd.method',
  status: 'd.status',
};

export interface Decision {
  id: string;
  method: Method;
  confidence: string;
  status: 'ACTIVE' | 'SUGGESTED' | 'REVERSED';
  writtenOff: string;
  reason: string | null;
  decidedAt: string;
  decidedBy: string;
  links: Array<{
    lineId: string;
    expectedId: string | null;
    amount: string;
    endToEndId: string | null;
    financingRef: string | null;
    lineAmount: string;
    account: string;
  }>;
}

export interface DecisionFilter {
  id?: string;
  status?: Decision['status'];
  queue?: Queue;
  q?: string;
}

const filterParams = (where: DecisionFilter) => [where.id ?? null, where.status ?? null, where.queue ?? null, searchPattern(where.q)];

/** A link of a decision with its movement's kind, as the trail of its reversal shows it. */
export interface DecisionLink {
  line_id: string;
  expected_id: string | null;
  amount: string;
  kind: string | null;
}

/** A line's part of a made repayment or disbursement not yet told to its financing. */
export interface UnforwardedPayment {
  decisionId: string;
  lineId: string;
  financingRef: string;
  kind: 'REPAYMENT' | 'DISBURSEMENT';
  amount: string;
  bookedOn: string | null;
  valueDate: string | null;
}

/** One bank's matching at a time: a person's match and a run never decide the same line twice. */
export async function lockMatching(em: EntityManager): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('reconciliation.matching'), hashtext(caravan_organisation()::text))`);
}

/** Drops the suggestions made for any of these lines. */
export async function retireSuggestionsOf(em: EntityManager, lineIds: string[], by: string, reason: string): Promise<void> {
  await em.query(
    `UPDATE match_decisions SET status = 'REVERSED', reversed_at = now(), reversed_by = $2, reversal_reason = $3
      WHERE status = 'SUGGESTED' AND id IN (SELECT decision_id FROM match_links WHERE line_id = ANY($1::bigint[]))`,
    [lineIds, by, reason],
  );
}

/** Drops one suggestion; answers 0 when it is no longer one. */
export async function retireSuggestion(em: EntityManager, id: string, by: string, reason: string): Promise<number> {
  const [, retired] = await em.query(
    `UPDATE match_decisions SET status = 'REVERSED', reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE id = $1 AND status = 'SUGGESTED'`,
    [id, by, reason],
  );
  return retired;
}

/** Writes the decisions; one `forwarded` has nothing to tell a financing. */
export async function insertDecisions(em: EntityManager, drafts: Array<Draft & { forwarded: boolean }>, decidedBy: string): Promise<void> {
  await em.query(
    `INSERT INTO match_decisions (id, method, confidence, status, written_off, reason, forwarded_at, decided_by)
     SELECT id, method, confidence, status, written_off, reason, CASE WHEN forwarded THEN now() END, $8
       FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::numeric[], $6::text[], $7::boolean[]) AS d(id, method, confidence, status, written_off, reason, forwarded)`,
    [
      drafts.map((d) => d.id),
      drafts.map((d) => d.method),
      drafts.map((d) => d.confidence),
      drafts.map((d) => d.status),
      drafts.map((d) => d.writtenOff ?? '0'),
      drafts.map((d) => d.reason ?? null),
      drafts.map((d) => d.forwarded),
      decidedBy,
    ],
  );
}

export async function insertLinks(em: EntityManager, links: Array<Link & { decisionId: string }>): Promise<void> {
  await em.query(
    `INSERT INTO match_links (decision_id, line_id, expected_id, amount) SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::uuid[], $4::numeric[])`,
    [links.map((l) => l.decisionId), links.map((l) => l.lineId), links.map((l) => l.expectedId), links.map((l) => l.amount)],
  );
}

export async function lockDecision(
  em: EntityManager,
  id: string,
): Promise<{ status: Decision['status']; method: Decision['method']; forwardedAt: Date | null } | undefined> {
  const [row] = await em.query('SELECT status, method, forwarded_at AS "forwardedAt" FROM match_decisions WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

export function findLinks(em: EntityManager, decisionId: string): Promise<DecisionLink[]> {
  return em.query(
    `SELECT k.line_id::text AS line_id, k.expected_id, k.amount::text AS amount, e.kind FROM match_links k LEFT JOIN expected_movements e ON e.id = k.expected_id WHERE k.decision_id = $1`,
    [decisionId],
  );
}

export async function reverseDecision(em: EntityManager, id: string, by: string, reason: string): Promise<void> {
  await em.query(
    `UPDATE match_decisions SET status = 'REVERSED', reversed_at = now(), reversed_by = $2, reversal_reason = $3 WHERE id = $1`,
    [id, by, reason],
  );
}

export async function countDecisions(em: EntityManager, where: DecisionFilter): Promise<number> {
  const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM match_decisions d WHERE ${DECISION_FILTER}`, filterParams(where));
  return total;
}

/** Decisions (newest first unless sorted), with their links. */
export function findDecisions(
  em: EntityManager,
  where: DecisionFilter,
  page: Sorting<DecisionSort> & { limit: number; offset: number },
): Promise<Decision[]> {
  const order = orderBy(DECISION_COLUMNS, page, { sort: 'decidedAt', order: 'desc' }, 'd.id');
  return em.query(
    `SELECT d.id, d.method, d.confidence::text AS confidence, d.status, d.written_off::text AS "writtenOff", d.reason, d.decided_at AS "decidedAt", d.decided_by AS "decidedBy",
            (SELECT json_agg(json_build_object('lineId', k.line_id::text, 'expectedId', k.expected_id, 'amount', k.amount::text,
                                               'endToEndId', e.end_to_end_id, 'financingRef', e.financing_ref, 'lineAmount', l.amount::text, 'account', l.account))
               FROM match_links k JOIN statement_lines l ON l.id = k.line_id LEFT JOIN expected_movements e ON e.id = k.expected_id WHERE k.decision_id = d.id) AS links
       FROM match_decisions d WHERE ${DECISION_FILTER} ${order} LIMIT $5 OFFSET $6`,
    [...filterParams(where), page.limit, page.offset],
  );
}

/** Made matches of repayments and disbursements not yet forwarded, per decision and line. */
export function findUnforwarded(em: EntityManager): Promise<UnforwardedPayment[]> {
  return em.query(
    `SELECT d.id AS "decisionId", k.line_id::text AS "lineId", e.financing_ref AS "financingRef", e.kind, sum(k.amount)::text AS amount,
            to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS "bookedOn",
            to_char(coalesce(l.value_date, l.booking_date), 'YYYY-MM-DD') AS "valueDate"
       FROM match_decisions d JOIN match_links k ON k.decision_id = d.id JOIN expected_movements e ON e.id = k.expected_id JOIN statement_lines l ON l.id = k.line_id
      WHERE d.status = 'ACTIVE' AND d.forwarded_at IS NULL AND e.kind IN ('REPAYMENT', 'DISBURSEMENT')
      -- confirmations first: a repayment may close its financing
      GROUP BY d.id, k.line_id, e.financing_ref, e.kind, l.booking_date, l.value_date ORDER BY e.kind = 'REPAYMENT', d.id, k.line_id`,
  );
}

export async function markForwarded(em: EntityManager, ids: string[]): Promise<void> {
  await em.query(`UPDATE match_decisions SET forwarded_at = now() WHERE id = ANY($1::uuid[]) AND forwarded_at IS NULL`, [ids]);
}

/**
 * Rule 1 (the payer quoted our reference) over these lines in one statement, as
 * `byReference` decides it line by line: the lines quoting a reference (in id order) settle its
 * open movements of their direction and currency in due order, each line's excess over them
 * all going with the last; a line that finds them all settled is left to the other rules.
 * Writes the decisions (made, certain), their links, the lines' and movements' new states and
 * the audit events; answers the lines it matched. Only references in ASCII are compared here:
 * the rest need Unicode normalisation as `referenceKey` does it, which stays in Node.
 */
export async function decideByReference(em: EntityManager, lineIds: string[], decidedBy: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await em.query(
    `WITH line AS (
       SELECT l.id, l.amount, l.direction, l.currency, upper(regexp_replace(l.end_to_end_id, '[ \\t\\n\\r\\f\\v]+', '', 'g')) AS reference
         FROM statement_lines l
        WHERE l.id = ANY($1::bigint[]) AND l.match_status = 'UNMATCHED' AND octet_length(l.end_to_end_id) = char_length(l.end_to_end_id)),
     -- each line's decision id is drawn here, so that no later step joins two CTEs (which the planner, blind to their sizes, nests)
     quoting AS (
       SELECT l.*, gen_random_uuid() AS decision_id, sum(l.amount) OVER w - l.amount AS from_, sum(l.amount) OVER w AS to_
         FROM line l WHERE l.reference <> '' WINDOW w AS (PARTITION BY l.reference, l.direction, l.currency ORDER BY l.id)),
     awaited AS (
       SELECT e.id, e.kind, e.reference, e.direction, e.currency, e.amount - e.settled AS remaining,
              sum(e.amount - e.settled) OVER w - (e.amount - e.settled) AS from_, sum(e.amount - e.settled) OVER w AS to_,
              sum(e.amount - e.settled) OVER (PARTITION BY e.reference, e.direction, e.currency) AS total
         FROM expected_movements e
        WHERE e.reference IN (SELECT reference FROM quoting) AND e.status <> 'MATCHED' AND e.amount > e.settled
       WINDOW w AS (PARTITION BY e.reference, e.direction, e.currency ORDER BY e.value_from NULLS FIRST, e.end_to_end_id)),
     link AS (
       SELECT l.decision_id, l.id AS line_id, e.id AS expected_id, e.kind, e.value_order,
              round((CASE WHEN e.to_ = e.total THEN l.to_ ELSE least(l.to_, e.to_) END) - greatest(l.from_, e.from_), scale(l.amount)) AS amount
         FROM quoting l
         JOIN (SELECT a.*, row_number() OVER (PARTITION BY a.reference, a.direction, a.currency ORDER BY a.from_) AS value_order FROM awaited a) e
           ON e.reference = l.reference AND e.direction = l.direction AND e.currency = l.currency
        WHERE l.from_ < e.total AND e.from_ < l.to_ AND e.to_ > l.from_),
     decision AS (
       SELECT decision_id AS id, line_id, bool_and(kind NOT IN ('REPAYMENT', 'DISBURSEMENT')) AS forwarded,
              jsonb_agg(jsonb_build_object('lineId', line_id::text, 'expectedId', expected_id, 'amount', amount::text) ORDER BY value_order) AS links
         FROM link GROUP BY decision_id, line_id),
     decided AS (
       INSERT INTO match_decisions (id, method, confidence, status, written_off, reason, forwarded_at, decided_by)
       SELECT id, 'END_TO_END', 1, 'ACTIVE', 0, NULL, CASE WHEN forwarded THEN now() END, $2 FROM decision RETURNING id),
     linked AS (
       INSERT INTO match_links (decision_id, line_id, expected_id, amount)
       SELECT decision_id, line_id, expected_id, amount FROM link ORDER BY line_id, value_order),
     matched AS (UPDATE statement_lines l SET match_status = 'MATCHED' FROM decision d WHERE l.id = d.line_id),
     settled AS (
       UPDATE expected_movements e
          SET settled = e.settled + x.amount, status = CASE WHEN e.settled + x.amount >= e.amount THEN 'MATCHED' ELSE 'PARTIAL' END
         FROM (SELECT expected_id, sum(amount) AS amount FROM link GROUP BY expected_id) x WHERE e.id = x.expected_id),
     audited AS (
       ${auditInsertFrom(`SELECT now(), NULL::uuid, NULL::uuid, $2, 'statement-line.match', 'statement-match', d.id::text, NULL::jsonb,
              jsonb_build_object('method', 'END_TO_END', 'confidence', 1, 'links', d.links), NULL FROM decision d`)})
     SELECT line_id::text AS id FROM decision ORDER BY line_id`,
    [lineIds, decidedBy],
  );
  return rows.map((r) => r.id);
}

/**
 * Rule 2's certain matches over these lines in one statement, as `byAmountDateCounterparty`
 * makes them line by line: a line whose one candidate awaiting exactly its amount (its
 * direction and currency) inside the window and of its payer (as keyed) is the only such one
 * scores 1 and is made, whatever the rules after it would propose. The batch's rules ran each
 * line in turn, so a line is left to Node when an earlier line of the batch may have seen that
 * movement: one with it as a candidate, or one of the same payer (whose run of instalments could
 * hold it, or be made consecutive by its going). Ties and weaker scores stay with Node too. Writes the
 * decisions, links, states and audit events; answers the lines it matched.
 */
export async function decideByAmountDateCounterparty(em: EntityManager, lineIds: string[], decidedBy: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await em.query(
    `WITH line AS (
       SELECT l.id, l.amount, l.direction, l.currency, l.counterparty_key AS party, coalesce(l.booking_date, l.value_date) AS day,
              row_number() OVER (PARTITION BY l.counterparty_key, l.direction, l.currency ORDER BY l.id) AS payer_turn
         FROM statement_lines l WHERE l.id = ANY($1::bigint[]) AND l.match_status = 'UNMATCHED'),
     candidate AS (
       SELECT l.id AS line_id, l.amount, l.payer_turn, e.id AS expected_id, e.kind, min(l.id) OVER (PARTITION BY e.id) AS first_line,
              l.party <> '' AND l.party = e.counterparty_key AND l.day >= coalesce(e.value_from, l.day) AND l.day <= coalesce(e.value_to, l.day) AS certain
         FROM line l JOIN expected_movements e ON e.amount - e.settled = l.amount AND e.direction = l.direction AND e.currency = l.currency
        WHERE e.status <> 'MATCHED' AND e.amount > e.settled),
     sure AS (
       SELECT gen_random_uuid() AS id, line_id, amount, (array_agg(expected_id) FILTER (WHERE certain))[1] AS expected_id,
              bool_and(kind NOT IN ('REPAYMENT', 'DISBURSEMENT')) FILTER (WHERE certain) AS forwarded
         FROM candidate WHERE payer_turn = 1 GROUP BY line_id, amount
       HAVING count(*) FILTER (WHERE certain) = 1 AND bool_or(certain AND first_line = line_id)),
     decided AS (
       INSERT INTO match_decisions (id, method, confidence, status, written_off, reason, forwarded_at, decided_by)
       SELECT id, 'AMOUNT_DATE_COUNTERPARTY', 1, 'ACTIVE', 0, NULL, CASE WHEN forwarded THEN now() END, $2 FROM sure),
     linked AS (INSERT INTO match_links (decision_id, line_id, expected_id, amount) SELECT id, line_id, expected_id, amount FROM sure ORDER BY line_id),
     matched AS (UPDATE statement_lines l SET match_status = 'MATCHED' FROM sure s WHERE l.id = s.line_id),
     settled AS (
       UPDATE expected_movements e
          SET settled = e.settled + s.amount, status = CASE WHEN e.settled + s.amount >= e.amount THEN 'MATCHED' ELSE 'PARTIAL' END
         FROM sure s WHERE e.id = s.expected_id),
     audited AS (
       ${auditInsertFrom(`SELECT now(), NULL::uuid, NULL::uuid, $2, 'statement-line.match', 'statement-match', s.id::text, NULL::jsonb,
              jsonb_build_object('method', 'AMOUNT_DATE_COUNTERPARTY', 'confidence', 1, 'links',
                jsonb_build_array(jsonb_build_object('lineId', s.line_id::text, 'expectedId', s.expected_id, 'amount', s.amount::text))),
              NULL FROM sure s`)})
     SELECT line_id::text AS id FROM sure ORDER BY line_id`,
    [lineIds, decidedBy],
  );
  return rows.map((r) => r.id);
}
