import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainError } from '../../../errors/src';
import { Money } from '../../../money/src';
import { ReceivableRepository, TransitionRecord } from '../application/ports';
import type { Receivable } from '../domain/receivable';
import { ReceivableEventEntity } from './receivable-event.entity';
import { ReceivableEntity } from './receivable.entity';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class TypeOrmReceivableRepository extends ReceivableRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async findById(id: string): Promise<Receivable | undefined> {
    const row = await this.dataSource.getRepository(ReceivableEntity).findOneBy({ id });
    return row ? toDomain(row) : undefined;
  }

  async insert(receivable: Receivable, beforeCommit: () => Promise<void>): Promise<void> {
    try {
      await this.dataSource.transaction(async (em) => {
        await em.insert(ReceivableEntity, toRow(receivable));
        await beforeCommit();
      });
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === UNIQUE_VIOLATION) {
        throw duplicateInvoice(receivable);
      }
      throw e;
    }
  }

  async transitionOnce(
    id: string,
    record: TransitionRecord,
    change: (current: Receivable) => Receivable,
  ): Promise<Receivable> {
    return this.dataSource.transaction(async (em) => {
      const row = await em.findOne(ReceivableEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new DomainError('RECEIVABLE.NOT_FOUND', `receivable ${id} not found`, 'not_found');
      const current = toDomain(row);
      if (await em.existsBy(ReceivableEventEntity, { idempotencyKey: record.idempotencyKey })) return current;
      const next = change(current);
      await em.update(ReceivableEntity, { id }, { status: next.status, updatedAt: next.updatedAt });
      await em.insert(ReceivableEventEntity, {
        receivableId: id,
        idempotencyKey: record.idempotencyKey,
        transition: record.transition,
        fromStatus: current.status,
        toStatus: next.status,
        actor: record.actor,
        reason: record.reason ?? null,
        occurredAt: next.updatedAt,
      });
      return next;
    });
  }
}

export function duplicateInvoice(r: Pick<Receivable, 'invoiceNumber'>): DomainError {
  return new DomainError(
    'RECEIVABLE.DUPLICATE_INVOICE',
    `invoice ${r.invoiceNumber} of this creditor to this debtor is already registered`,
    'conflict',
    'invoiceNumber',
  );
}

function toRow(r: Receivable): ReceivableEntity {
  return Object.assign(new ReceivableEntity(), {
    ...r,
    amount: r.amount.amount,
    currency: r.amount.currency,
  });
}

function toDomain(row: ReceivableEntity): Receivable {
  return {
    id: row.id,
    creditorId: row.creditorId,
    debtorId: row.debtorId,
    invoiceNumber: row.invoiceNumber,
    waybillRefs: row.waybillRefs,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    amount: Money.of(row.amount, row.currency),
    status: row.status,
    registeredAt: row.registeredAt,
    updatedAt: row.updatedAt,
  };
}
