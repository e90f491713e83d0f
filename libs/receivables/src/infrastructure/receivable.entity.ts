import type Decimal from 'decimal.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '@caravan/money';
import { ReceivableStatus } from '../domain/receivable-status';

const money = { precision: 20, scale: 2, transformer: numericTransformer } as const;

@Entity({ name: 'receivables' })
export class ReceivableEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'creditor_id' })
  creditorId: string;

  @Column('uuid', { name: 'debtor_id' })
  debtorId: string;

  @Column('text', { name: 'invoice_number' })
  invoiceNumber: string;

  @Column('text', { name: 'waybill_refs', array: true })
  waybillRefs: string[];

  @Column('date', { name: 'issue_date' })
  issueDate: string;

  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('numeric', money)
  amount: Decimal;

  @Column('numeric', { name: 'diluted_amount', ...money })
  dilutedAmount: Decimal;

  @Column('char', { length: 3 })
  currency: string;

  @Column('text')
  status: ReceivableStatus;

  @Column('timestamptz', { name: 'registered_at' })
  registeredAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}

@Entity({ name: 'receivable_dilutions' })
export class ReceivableDilutionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'receivable_id' })
  receivableId: string;

  @Column('text')
  kind: 'CREDIT_NOTE' | 'RETURN';

  @Column('text')
  reference: string;

  @Column('numeric', money)
  amount: Decimal;

  @Column('text')
  reason: string;

  @Column('uuid', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
