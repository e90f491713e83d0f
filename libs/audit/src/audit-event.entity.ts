import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One state change: who, when, what, before and after. Rows are never updated or deleted. */
@Entity({ name: 'audit_events' })
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;

  /** Null for the platform's own steps (a workflow, a migration). */
  @Column('uuid', { name: 'actor_user_id', nullable: true })
  actorUserId: string | null;

  @Column('uuid', { name: 'actor_organisation_id', nullable: true })
  actorOrganisationId: string | null;

  @Column('text', { name: 'actor_label' })
  actorLabel: string;

  @Column('text')
  action: string;

  @Column('text', { name: 'entity_type' })
  entityType: string;

  @Column('text', { name: 'entity_id' })
  entityId: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;
}
