import { EntityManager, QueryFailedError } from 'typeorm';
import { ilikeAny, orderBy, searchPattern } from '@caravan/database';
import type { Listing, Queue } from '@caravan/http';
import type { Line, Method } from '../domain/matching';
import { StatementFormatError } from '../domain/statement';

// Row-level security limits every statement here to the transaction's bank.

/** The lines the rules go through (as `l`): unmatched, not reversals, and not a line whose match a person or its financing undid. */
export const AUTOMATIC_LINES = `l.match_status = 'UNMATCHED' AND l.auto_match AND NOT l.reversal`;
const LINE_COLUMNS = `l.id::text AS id, l.amount::text AS amount, l.currency, l.direction, l.end_to_end_id AS "endToEndId",
  to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS day, l.counterparty_key AS "counterpartyKey"`;

/** A booking as an import writes it (its fingerprint, which recognises it again in an overlapping statement, aside). */
export interface NewLine {
  position: number;
  amount: string;
  currency: string;
  direction: string;
  reversal: boolean;
  bookingDate: string | null;
  valueDate: string | null;
  bankReference: string | null;
  endToEndId: string | null;
  counterpartyName: string | null;
  counterpartyKey: string | null;
  counterpartyAccount: string | null;
  remittance: string | null;
  /** For a transaction of a batched entry: the entry's position and amount. */
  entryPosition: number | null;
  entryAmount: string | null;
  /** camt's Domain/Family/SubFamily (or proprietary) code, MT940's type code: what a bank account's rules read. */
  bankTransactionCode: string | null;
}

export interface Suggestion {
  decisionId: string;
  method: Method;
  confidence: string;
  links: Array<{ lineId: string; endToEndId: string | null; financingRef: string | null; amount: string }>;
}

export interface ExceptionLine {
  lineId: string;
  /** UNMATCHED in the queue; MATCHED or WRITTEN_OFF once a person handled it. */
  status: 'UNMATCHED' | 'MATCHED' | 'WRITTEN_OFF';
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
  candidates: Array<{
    expectedId: string;
    endToEndId: string;
    financingRef: string;
    kind: string;
    remaining: string;
    counterparty: string | null;
  }>;
}

/**
 * A value PostgreSQL refuses (too long, out of range, a constraint) is the file's fault: a
 * refusal naming the lines of the batch, not a 500. Only what checks missed ever gets here.
 */
export async function refusedAsFormatError<T>(write: () => Promise<T>, first: number, last: number): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as { driverError?: { code?: string } }).driverError?.code ?? '';
    if (e instanceof QueryFailedError && (code.startsWith('22') || code.startsWith('23'))) {
      throw new StatementFormatError(first, first === last ? 'line' : `lines ${first}–${last}`, `refused by the database: ${e.message}`);
    }
    throw e;
  }
}

/** A big import changes what the planner should expect of the lines. */
export async function analyzeLines(em: EntityManager): Promise<void> {
  await em.query('ANALYZE statement_lines');
}

/** The next `size` lines the rules go through after `afterId`, in id order (a run's cursor). */
export function findAutomaticLinesAfter(em: EntityManager, afterId: string, size: number): Promise<Line[]> {
  return em.query(`SELECT ${LINE_COLUMNS} FROM statement_lines l WHERE ${AUTOMATIC_LINES} AND l.id > $1 ORDER BY l.id LIMIT $2`, [
    afterId,
    size,
  ]);
}

/**
 * The lines the rules go through that one of these movements could be paid by: of its payer,
 * its direction and currency, inside its window (a range of the payer's index); by day.
 */
export function findAutomaticLinesAwaitedBy(em: EntityManager, movementIds: string[]): Promise<Line[]> {
  return em.query(
    `SELECT ${LINE_COLUMNS} FROM statement_lines l
      WHERE ${AUTOMATIC_LINES} AND l.id IN (
        SELECT p.id FROM expected_movements e JOIN statement_lines p
            ON p.counterparty_key = e.counterparty_key AND p.match_status = 'UNMATCHED'
           AND coalesce(p.booking_date, p.value_date) BETWEEN coalesce(e.value_from, '-infinity') AND coalesce(e.value_to, 'infinity')
           AND p.direction = e.direction AND p.currency = e.currency
         WHERE e.id = ANY($1::uuid[]))
      ORDER BY day, l.id`,
    [movementIds],
  );
}

/** The lines, locked for a decision, with their status. */
export function lockLines(em: EntityManager, ids: string[]): Promise<Array<Line & { matchStatus: string }>> {
  return em.query(
    `SELECT ${LINE_COLUMNS}, l.match_status AS "matchStatus" FROM statement_lines l WHERE l.id = ANY($1::bigint[]) ORDER BY l.id FOR UPDATE`,
    [ids],
  );
}

/** Marks the lines still undecided as decided; answers how many were. */
export async function decideLines(em: EntityManager, ids: string[], status: 'MATCHED' | 'WRITTEN_OFF'): Promise<number> {
  const [, updated] = await em.query(
    `UPDATE statement_lines SET match_status = $2 WHERE id = ANY($1::bigint[]) AND match_status = 'UNMATCHED'`,
    [ids, status],
  );
  return updated;
}

/** Puts the lines back in the exceptions queue, out of the rules' way. */
export async function reopenLines(em: EntityManager, ids: string[]): Promise<void> {
  await em.query(`UPDATE statement_lines SET match_status = 'UNMATCHED', auto_match = false WHERE id = ANY($1::bigint[])`, [ids]);
}

export const EXCEPTION_SORTS = ['bookedOn', 'amount', 'counterparty', 'account'] as const;
export type ExceptionSort = (typeof EXCEPTION_SORTS)[number];

const EXCEPTION_COLUMNS: Record<ExceptionSort, string> = {
  bookedOn: 'coalesce(l.booking_date, l.value_date)',
  amount: 'l.amount',
  counterparty: 'l.counterparty_name',
  account: 'l.account',
};

/** todo: the lines no rule matched; done: those a person then matched or wrote off. */
const EXCEPTION_QUEUES: Record<Queue, string> = {
  todo: `l.match_status = 'UNMATCHED'`,
  done: `l.match_status <> 'UNMATCHED' AND EXISTS (SELECT 1 FROM match_links k JOIN match_decisions d ON d.id = k.decision_id
           WHERE k.line_id = l.id AND d.status = 'ACTIVE' AND d.method IN ('MANUAL', 'WRITE_OFF'))`,
};

/** A page of the exceptions queue (oldest first unless sorted) or of the exceptions handled, searched; and how many match. */
export async function findExceptions(em: EntityManager, queue: Queue, listing: Listing<ExceptionSort>): Promise<[ExceptionLine[], number]> {
  const where = `${EXCEPTION_QUEUES[queue]} AND ($1::text IS NULL OR ${ilikeAny(['l.counterparty_name', 'l.remittance', 'l.end_to_end_id', 'l.account'], '$1')})`;
  const pattern = searchPattern(listing.q);
  const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM statement_lines l WHERE ${where}`, [pattern]);
  const rows = await em.query(
    `SELECT l.id::text AS "lineId", l.match_status AS status, l.account, l.amount::text AS amount, l.currency, l.direction, l.end_to_end_id AS "endToEndId", l.counterparty_name AS counterparty,
            l.remittance, to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS "bookedOn",
            (current_date - coalesce(l.booking_date, l.value_date, current_date))::int AS "ageDays",
            coalesce((SELECT json_agg(json_build_object('decisionId', d.id, 'method', d.method, 'confidence', d.confidence::text, 'links',
                        (SELECT json_agg(json_build_object('lineId', k.line_id::text, 'endToEndId', e.end_to_end_id, 'financingRef', e.financing_ref, 'amount', k.amount::text))
                           FROM match_links k LEFT JOIN expected_movements e ON e.id = k.expected_id WHERE k.decision_id = d.id)) ORDER BY d.confidence DESC)
                        FROM match_decisions d WHERE d.status = 'SUGGESTED' AND d.id IN (SELECT decision_id FROM match_links WHERE line_id = l.id)), '[]') AS suggestions,
            coalesce((SELECT json_agg(json_build_object('expectedId', c.id, 'endToEndId', c.end_to_end_id, 'financingRef', c.financing_ref, 'kind', c.kind, 'remaining', c.remaining::text, 'counterparty', c.counterparty) ORDER BY c.distance) FROM (
               SELECT e.id, e.end_to_end_id, e.financing_ref, e.kind, e.amount - e.settled AS remaining, e.counterparty, abs(e.amount - e.settled - l.amount) AS distance
                 FROM expected_movements e
                WHERE l.match_status = 'UNMATCHED' AND e.status <> 'MATCHED' AND e.direction = l.direction AND e.currency = l.currency
                ORDER BY abs(e.amount - e.settled - l.amount) LIMIT 3) c), '[]') AS candidates
       FROM statement_lines l WHERE ${where}
      ${orderBy(EXCEPTION_COLUMNS, listing, { sort: 'bookedOn', order: 'asc' }, 'l.id')}
      LIMIT $2 OFFSET $3`,
    [pattern, listing.limit, listing.offset],
  );
  return [rows, total];
}
