import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caravan/access';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEntry {
  /** A person, or a label for the platform's own steps ('system:confirmation-workflow'). */
  actor: Actor | string;
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  /** For changes a retry may repeat: a second record with the same key is refused. */
  idempotencyKey?: string;
}

export interface AuditStep {
  action: string;
  actorLabel: string;
  actorUserId: string | null;
  at: string;
}

/**
 * An INSERT of audit events from a query, for a write that records its own event in the same
 * statement (one round trip). `select` yields, in order: occurred_at, actor_user_id,
 * actor_organisation_id, actor_label, action, entity_type, entity_id, before, after, idempotency_key.
 */
export function auditInsertFrom(select: string): string {
  return `INSERT INTO audit_events (occurred_at, actor_user_id, actor_organisation_id, actor_label, action, entity_type, entity_id, before, after, idempotency_key) ${select}`;
}

/** Writes audit events inside the caller's transaction: no state change without its record. */
@Injectable()
export class AuditLog {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await this.recordMany(em, [entry]);
  }

  /** Many events in one statement (a matching batch decides thousands at once). */
  async recordMany(em: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const person = (e: AuditEntry) => (typeof e.actor === 'string' ? undefined : e.actor);
    const json = (value: object | null | undefined) => (value ? JSON.stringify(value) : null);
    await em.query(
      auditInsertFrom(
        `SELECT now(), * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[])`,
      ),
      [
        entries.map((e) => person(e)?.userId ?? null),
        entries.map((e) => person(e)?.organisationId ?? null),
        entries.map((e) => person(e)?.email ?? (e.actor as string)),
        entries.map((e) => e.action),
        entries.map((e) => e.entityType),
        entries.map((e) => e.entityId),
        entries.map((e) => json(e.before)),
        entries.map((e) => json(e.after)),
        entries.map((e) => e.idempotencyKey ?? null),
      ],
    );
  }

  /** What happened to one object, oldest first: the action, who (the trail's label and person), when. */
  async trail(em: EntityManager, entityType: string, entityId: string): Promise<AuditStep[]> {
    const rows = await em.query(
      `SELECT action, actor_label, actor_user_id, occurred_at FROM audit_events WHERE entity_type = $1 AND entity_id = $2 ORDER BY id`,
      [entityType, entityId],
    );
    return rows.map((r: { action: string; actor_label: string; actor_user_id: string | null; occurred_at: Date }) => ({
      action: r.action,
      actorLabel: r.actor_label,
      actorUserId: r.actor_user_id,
      at: r.occurred_at.toISOString(),
    }));
  }

  /** Whether the change with this key has been recorded (and so made) already. */
  async done(em: EntityManager, idempotencyKey: string): Promise<boolean> {
    return em.existsBy(AuditEventEntity, { idempotencyKey });
  }
}
