import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per applied transition; its unique idempotency key makes activities safe to retry. */
@Entity({ name: 'receivable_events' })
export class ReceivableEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'receivable_id' })
  receivableId: string;

  @Column('text', { name: 'idempotency_key' })
  idempotencyKey: string;

  @Column('text')
  transition: string;

  @Column('text', { name: 'from_status' })
  fromStatus: string;

  @Column('text', { name: 'to_status' })
  toStatus: string;

  @Column('text')
  actor: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { name: 'occurred_at' })
  occurredAt: Date;
}
