import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../identity/src/domain/actor';
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

/** Writes audit events inside the caller's transaction: no state change without its record. */
@Injectable()
export class AuditLog {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await this.recordMany(em, [entry]);
  }

  /** Many events in one statement (a matching batch decides thousands at once). */
  async recordMany(em: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const occurredAt = new Date();
    const events = entries.map((entry) => {
      const person = typeof entry.actor === 'string' ? undefined : entry.actor;
      return Object.assign(new AuditEventEntity(), {
        occurredAt,
        actorUserId: person?.userId ?? null,
        actorOrganisationId: person?.organisationId ?? null,
        actorLabel: person ? person.email : (entry.actor as string),
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: plain(entry.before),
        after: plain(entry.after),
        idempotencyKey: entry.idempotencyKey ?? null,
      });
    });
    // 11 parameters a row; PostgreSQL takes at most 65,535 in one statement
    await em.save(events, { reload: false, chunk: 5000 });
  }

  /** Whether the change with this key has been recorded (and so made) already. */
  async done(em: EntityManager, idempotencyKey: string): Promise<boolean> {
    return em.existsBy(AuditEventEntity, { idempotencyKey });
  }
}

/** JSON as the API would show it: Money and Decimal become strings, dates ISO. */
function plain(value: object | null | undefined): Record<string, unknown> | null {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null;
}
