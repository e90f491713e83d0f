import type { EntityManager } from 'typeorm';
import { containing, ilikeAny, sortOf } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { AuditEventEntity } from '../audit-event.entity';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  /** Part of who acted (case-insensitive). */
  actor?: string;
  /** From this instant (inclusive) to that one (exclusive), either open. */
  from?: string;
  to?: string;
}

export const AUDIT_SORTS = ['occurredAt', 'action', 'entityType', 'actor'] as const;
export type AuditSort = (typeof AUDIT_SORTS)[number];

// the trail is appended in time order: its id orders it as its instants do, and breaks their ties
const AUDIT_COLUMNS: Record<AuditSort, string> = {
  occurredAt: 'e.occurred_at',
  action: 'e.action',
  entityType: 'e.entity_type',
  actor: 'e.actor_label',
};

/** A page of the trail (newest first unless sorted), filtered and searched by action, object or who acted; and how many match. */
export function findAuditEvents(
  em: EntityManager,
  filter: AuditFilter,
  listing: Listing<AuditSort>,
): Promise<[AuditEventEntity[], number]> {
  const query = em.getRepository(AuditEventEntity).createQueryBuilder('e');
  if (filter.entityType) query.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
  if (filter.entityId) query.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
  if (filter.actor) query.andWhere('e.actor_label ILIKE :actor', { actor: containing(filter.actor) });
  if (filter.from) query.andWhere('e.occurred_at >= :from', { from: new Date(filter.from) });
  if (filter.to) query.andWhere('e.occurred_at < :to', { to: new Date(filter.to) });
  if (listing.q)
    query.andWhere(ilikeAny(['e.action', 'e.entity_type', 'e.entity_id', 'e.actor_label'], ':q'), { q: containing(listing.q) });
  const sort = sortOf(AUDIT_COLUMNS, listing, { sort: 'occurredAt', order: 'desc' });
  sort.columns.forEach((column) => query.addOrderBy(column, sort.direction, 'NULLS LAST'));
  return query.addOrderBy('e.id', sort.direction).take(listing.limit).skip(listing.offset).getManyAndCount();
}
