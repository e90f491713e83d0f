import type Decimal from 'decimal.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '@caravan/money';
import { LimitKind } from '../domain/credit-limit';

const money = { precision: 20, scale: 2, transformer: numericTransformer } as const;

@Entity({ name: 'credit_limits' })
export class CreditLimitEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'bank_id' }) bankId: string;
  @Column('text') kind: LimitKind;
  @Column('text') subject: string;
  @Column('numeric', money) amount: Decimal;
  @Column('numeric', money) utilised: Decimal;
  @Column('char', { length: 3 }) currency: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'limit_reservations' })
export class LimitReservationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'limit_id' }) limitId: string;
  @Column('text') reference: string;
  @Column('numeric', money) amount: Decimal;
  @Column('numeric', money) released: Decimal;
  @Column('timestamptz', { name: 'reserved_at' }) reservedAt: Date;
}
