import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { containing, ilikeAny, sortOf } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { Money } from '@caravan/money';
import type { LimitSubject } from '../domain/credit-limit';
import { CreditLimitEntity, type LimitReservationEntity } from './credit-limit.entity';

export const LIMIT_SORTS = ['kind', 'subject', 'amount', 'utilised', 'available', 'updatedAt'] as const;
export type LimitSort = (typeof LIMIT_SORTS)[number];

const LIMIT_COLUMNS: Record<LimitSort, string | string[]> = {
  kind: ['l.kind', 'l.subject'],
  subject: 'l.subject',
  amount: 'l.amount',
  utilised: 'l.utilised',
  available: 'l.amount - l.utilised',
  updatedAt: 'l.updated_at',
};

/**
 * A page of limits (by kind and subject unless sorted), of one bank or (null: the operator) all,
 * searched by subject, its organisation's or commodity's name; and how many match.
 */
export function findLimits(em: EntityManager, bankId: string | null, listing: Listing<LimitSort>): Promise<[CreditLimitEntity[], number]> {
  const query = em.getRepository(CreditLimitEntity).createQueryBuilder('l');
  if (bankId !== null) query.andWhere('l.bank_id = :bankId', { bankId });
  if (listing.q) {
    const named = `EXISTS (SELECT 1 FROM organisations o WHERE o.id::text = l.subject AND o.name ILIKE :q)
      OR EXISTS (SELECT 1 FROM commodities c WHERE c.code = l.subject AND c.name ILIKE :q)`;
    query.andWhere(`(${ilikeAny(['l.subject'], ':q')} OR ${named})`, { q: containing(listing.q) });
  }
  const sort = sortOf(LIMIT_COLUMNS, listing, { sort: 'kind', order: 'asc' });
  sort.columns.forEach((column) => query.addOrderBy(column, sort.direction, 'NULLS LAST'));
  return query.addOrderBy('l.id', sort.direction).take(listing.limit).skip(listing.offset).getManyAndCount();
}

/** Sets a bank's limit on a subject, or changes its amount; the id of its row. A check refuses an amount below what is used. */
export async function upsertLimit(em: EntityManager, bankId: string, limit: LimitSubject & { amount: Money }): Promise<string> {
  const [row] = await em.query(
    `INSERT INTO credit_limits (id, bank_id, kind, subject, amount, currency, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, now())
     ON CONFLICT ON CONSTRAINT credit_limits_one_per_subject
     DO UPDATE SET amount = EXCLUDED.amount, updated_at = now()
     RETURNING id`,
    [randomUUID(), bankId, limit.kind, limit.subject, limit.amount.toString(), limit.amount.currency],
  );
  return row.id;
}

/** Uses `amount` of the limit if it has the room, in one conditional UPDATE; whether it had. */
export async function takeFromLimit(em: EntityManager, limitId: string, amount: Money): Promise<boolean> {
  // TypeORM answers an UPDATE with [rows, affected]
  const [, moved] = await em.query(
    `UPDATE credit_limits SET utilised = utilised + $1, updated_at = now()
      WHERE id = $2 AND utilised + $1 <= amount`,
    [amount.toString(), limitId],
  );
  return moved !== 0;
}

/** Releases `amount` of a reservation and gives it back to its limit. */
export async function releaseFromReservation(
  em: EntityManager,
  reservation: Pick<LimitReservationEntity, 'id' | 'limitId'>,
  amount: Money,
): Promise<void> {
  await em.query('UPDATE limit_reservations SET released = released + $1 WHERE id = $2', [amount.toString(), reservation.id]);
  await em.query('UPDATE credit_limits SET utilised = utilised - $1, updated_at = now() WHERE id = $2', [
    amount.toString(),
    reservation.limitId,
  ]);
}

/** Releases the bank's reservations under `reference` down to `outstanding`, in one statement: nothing released twice. */
export async function releaseDownTo(em: EntityManager, bankId: string, reference: string, outstanding: Money): Promise<void> {
  await em.query(
    `WITH target AS (
       SELECT r.id, r.limit_id, greatest(r.released, r.amount - least(r.amount, $3::numeric)) - r.released AS more
         FROM limit_reservations r JOIN credit_limits l ON l.id = r.limit_id
        WHERE r.reference = $1 AND l.bank_id = $2
        FOR UPDATE OF r
     ), reservations AS (
       UPDATE limit_reservations r SET released = r.released + t.more FROM target t WHERE r.id = t.id AND t.more > 0
     )
     UPDATE credit_limits l SET utilised = l.utilised - t.more, updated_at = now() FROM target t WHERE l.id = t.limit_id AND t.more > 0`,
    [reference, bankId, outstanding.toString()],
  );
}
