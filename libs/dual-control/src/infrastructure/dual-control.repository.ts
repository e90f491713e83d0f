import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ilikeAny, isUniqueViolation, orderBy, searchPattern } from '@caravan/database';
import type { Listing, Queue } from '@caravan/http';
import { DUAL_CONTROL_ERRORS, DualControlRequest, RequestStatus } from '../domain/request';

const COLUMNS = `id, organisation_id AS "organisationId", kind, subject, payload, reason, status, requested_by AS "requestedBy",
  requested_by_name AS "requestedByName", requested_at AS "requestedAt", decided_by AS "decidedBy", decided_by_name AS "decidedByName",
  decided_at AS "decidedAt", comment, completed_at AS "completedAt", result`;

export interface NewRequest {
  kind: string;
  subject: string;
  payload: object;
  reason?: string;
  requestedBy: string;
  requestedByName: string;
}

export interface Decision {
  status: RequestStatus;
  decidedBy: string | null;
  decidedByName: string;
  comment?: string;
  completed?: boolean;
  result?: unknown;
}

export interface RequestFilter {
  status?: RequestStatus;
  kind?: string;
  subject?: string;
  /** todo: awaiting a second person (pending); done: decided. */
  queue?: Queue;
}

export const REQUEST_SORTS = ['requestedAt', 'decidedAt', 'kind', 'status'] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

const REQUEST_COLUMNS: Record<RequestSort, string> = {
  requestedAt: 'requested_at',
  decidedAt: 'decided_at',
  kind: 'kind',
  status: 'status',
};

const SEARCHED = ['subject', 'kind', 'reason', 'comment', 'requested_by_name', 'decided_by_name'];

// Row-level security limits every statement here to the transaction's organisation.

export async function insertRequest(em: EntityManager, r: NewRequest): Promise<DualControlRequest> {
  try {
    const [row] = await em.query(
      `INSERT INTO dual_control_requests (id, kind, subject, payload, reason, status, requested_by, requested_by_name)
       VALUES ($1, $2, $3, $4, $5, 'PENDING', $6, $7) RETURNING ${COLUMNS}`,
      [randomUUID(), r.kind, r.subject, JSON.stringify(r.payload), r.reason ?? null, r.requestedBy, r.requestedByName],
    );
    return row;
  } catch (e) {
    if (isUniqueViolation(e, 'dual_control_one_pending')) throw DUAL_CONTROL_ERRORS.alreadyPending();
    throw e;
  }
}

export async function lockRequest(em: EntityManager, id: string): Promise<DualControlRequest> {
  const [row] = await em.query(`SELECT ${COLUMNS} FROM dual_control_requests WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw DUAL_CONTROL_ERRORS.notFound();
  return row;
}

export async function decide(em: EntityManager, id: string, d: Decision): Promise<DualControlRequest> {
  const [[row]] = await em.query(
    `UPDATE dual_control_requests
        SET status = $2, decided_by = coalesce(decided_by, $3), decided_by_name = coalesce(decided_by_name, $4), decided_at = coalesce(decided_at, now()),
            comment = coalesce(comment, $5), completed_at = CASE WHEN $6 THEN now() END, result = $7
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      d.status,
      d.decidedBy,
      d.decidedByName,
      d.comment ?? null,
      d.completed ?? false,
      d.result === undefined ? null : JSON.stringify(d.result),
    ],
  );
  return row;
}

/** A page of requests (newest first unless sorted), filtered and searched, and how many match. */
export async function findRequests(
  em: EntityManager,
  filter: RequestFilter,
  listing: Listing<RequestSort>,
): Promise<[DualControlRequest[], number]> {
  const where = `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR subject = $3)
    AND ($4::text IS NULL OR (status = 'PENDING') = ($4 = 'todo')) AND ($5::text IS NULL OR ${ilikeAny(SEARCHED, '$5')})`;
  const params = [filter.status ?? null, filter.kind ?? null, filter.subject ?? null, filter.queue ?? null, searchPattern(listing.q)];
  const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM dual_control_requests WHERE ${where}`, params);
  const order = orderBy(REQUEST_COLUMNS, listing, { sort: 'requestedAt', order: 'desc' }, 'id');
  const rows = await em.query(`SELECT ${COLUMNS} FROM dual_control_requests WHERE ${where} ${order} LIMIT $6 OFFSET $7`, [
    ...params,
    listing.limit,
    listing.offset,
  ]);
  return [rows, total];
}

export async function findRequest(em: EntityManager, id: string): Promise<DualControlRequest> {
  const [row] = await em.query(`SELECT ${COLUMNS} FROM dual_control_requests WHERE id = $1`, [id]);
  if (!row) throw DUAL_CONTROL_ERRORS.notFound();
  return row;
}
