import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditLog, auditInsertFrom } from '@caravan/audit';
import { containing, ilikeAny, orOnDuplicate, sortOf } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { DomainError } from '@caravan/errors';
import type { Actor } from '@caravan/access';
import { Money } from '@caravan/money';
import { ChangeRecord, Effect, ReceivableFilter, ReceivableRepository, ReceivableScope, ReceivableSort } from '../application/ports';
import type { Receivable } from '../domain/receivable';
import { ReceivableStatus } from '../domain/receivable-status';
import { ReceivableEntity } from './receivable.entity';
import { ReceivableErrors } from '../domain/receivables.errors';

const RECEIVABLE_COLUMNS: Record<ReceivableSort, string> = {
  registeredAt: 'r.registered_at',
  invoiceNumber: 'r.invoice_number',
  amount: 'r.amount',
  issueDate: 'r.issue_date',
  dueDate: 'r.due_date',
  status: 'r.status',
};

/** todo: awaiting the debtor's answer; done: answered (neither a draft nor awaiting). */
const QUEUE_WHERE = {
  todo: { where: 'r.status = :submitted', params: { submitted: ReceivableStatus.SUBMITTED } },
  done: { where: 'r.status NOT IN (:...open)', params: { open: [ReceivableStatus.REGISTERED, ReceivableStatus.SUBMITTED] } },
};

@Injectable()
export class TypeOrmReceivableRepository extends ReceivableRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {
    super();
  }

  async find(id: string, scope: ReceivableScope): Promise<Receivable | undefined> {
    const row = await scoped(this.dataSource.getRepository(ReceivableEntity).createQueryBuilder('r'), scope)
      .andWhere('r.id = :id', { id })
      .getOne();
    return row ? toDomain(row) : undefined;
  }

  async list(scope: ReceivableScope, filter: ReceivableFilter, listing: Listing<ReceivableSort>): Promise<[Receivable[], number]> {
    const query = scoped(this.dataSource.getRepository(ReceivableEntity).createQueryBuilder('r'), scope);
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.creditorId) query.andWhere('r.creditor_id = :creditorId', { creditorId: filter.creditorId });
    if (filter.debtorId) query.andWhere('r.debtor_id = :debtorId', { debtorId: filter.debtorId });
    if (filter.queue) query.andWhere(QUEUE_WHERE[filter.queue].where, QUEUE_WHERE[filter.queue].params);
    if (listing.q) {
      const names = 'EXISTS (SELECT 1 FROM organisations o WHERE o.id IN (r.creditor_id, r.debtor_id) AND o.name ILIKE :q)';
      query.andWhere(`(${ilikeAny(['r.invoice_number'], ':q')} OR ${names})`, { q: containing(listing.q) });
    }
    const sort = sortOf(RECEIVABLE_COLUMNS, listing, { sort: 'registeredAt', order: 'desc' });
    sort.columns.forEach((column) => query.addOrderBy(column, sort.direction, 'NULLS LAST'));
    const [rows, total] = await query.addOrderBy('r.id', sort.direction).take(listing.limit).skip(listing.offset).getManyAndCount();
    return [rows.map(toDomain), total];
  }

  /** False when the debtor is not a core enterprise on the platform (nothing written). */
  async insert(receivable: Receivable, actor: Actor): Promise<boolean> {
    const { text, values } = registrationStatement(receivable, actor);
    const [{ inserted }] = await orOnDuplicate(
      () => this.dataSource.query(text, values),
      () => duplicateInvoice(receivable),
    );
    return inserted === 1;
  }

  async change(
    id: string,
    scope: ReceivableScope,
    record: ChangeRecord,
    change: (current: Receivable) => Receivable,
    effect?: Effect,
    within?: EntityManager,
  ): Promise<Receivable> {
    const inTransaction = <T>(work: (em: EntityManager) => Promise<T>) => (within ? work(within) : this.dataSource.transaction(work));
    return inTransaction(async (em) => {
      const row = await scoped(em.getRepository(ReceivableEntity).createQueryBuilder('r'), scope)
        .andWhere('r.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!row) throw notFound(id);
      const before = toDomain(row);
      if (record.idempotencyKey && (await this.audit.done(em, record.idempotencyKey))) return before;
      const after = change(before);
      await em.update(
        ReceivableEntity,
        { id },
        {
          status: after.status,
          dilutedAmount: after.dilutedAmount.amount,
          updatedAt: after.updatedAt,
        },
      );
      await this.audit.record(em, {
        actor: record.actor,
        action: record.action,
        entityType: 'receivable',
        entityId: id,
        before: { status: before.status, dilutedAmount: before.dilutedAmount.toString() },
        after: { status: after.status, dilutedAmount: after.dilutedAmount.toString(), ...(record.reason && { reason: record.reason }) },
        idempotencyKey: record.idempotencyKey,
      });
      await effect?.(em, before, after);
      return after;
    });
  }

  async disputedCount(side: 'creditor' | 'debtor', organisationId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM receivables r
        WHERE r.${side === 'creditor' ? 'creditor_id' : 'debtor_id'} = $1
          AND EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_type = 'receivable' AND a.entity_id = r.id::text AND a.action = 'receivable.dispute')`,
      [organisationId],
    );
    return n;
  }

  async creditorOf(em: EntityManager, id: string): Promise<string | undefined> {
    return (await em.findOne(ReceivableEntity, { where: { id }, select: { creditorId: true } }))?.creditorId;
  }
}

/** Restricts a query to what the scope may see; pledgees see what is pledged to them now. */
function scoped(query: SelectQueryBuilder<ReceivableEntity>, scope: ReceivableScope): SelectQueryBuilder<ReceivableEntity> {
  switch (scope.kind) {
    case 'all':
      return query.where('TRUE');
    case 'none':
      return query.where('FALSE');
    case 'creditor':
      return query.where('r.creditor_id = :org', { org: scope.organisationId });
    case 'debtor':
      return query.where('r.debtor_id = :org', { org: scope.organisationId });
    case 'creditor-or-debtor':
      return query.where('(r.creditor_id = :org OR r.debtor_id = :org)', { org: scope.organisationId });
    case 'pledgee':
      return query.where(
        `EXISTS (SELECT 1 FROM pledges p WHERE p.asset_type = 'RECEIVABLE' AND p.asset_id = r.id AND p.status = 'LIVE' AND p.pledgee_id = :org)`,
        { org: scope.organisationId },
      );
  }
}

export function notFound(id: string): DomainError {
  return ReceivableErrors.NOT_FOUND(`receivable ${id} not found`);
}

export function duplicateInvoice(r: Pick<Receivable, 'invoiceNumber'>): DomainError {
  return ReceivableErrors.DUPLICATE_INVOICE(
    `invoice ${r.invoiceNumber} of this creditor to this debtor is already registered`,
    'invoiceNumber',
  );
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
    dilutedAmount: Money.of(row.dilutedAmount, row.currency),
    status: row.status,
    registeredAt: row.registeredAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * A registration as one statement, one round trip: the debtor must be a core enterprise on the
 * platform, and the receivable and its audit event are written together or not at all. Exported
 * so the benchmark's raw `pg` reference runs exactly this statement.
 */
export function registrationStatement(r: Receivable, actor: Actor): { text: string; values: unknown[] } {
  return {
    text: `WITH debtor AS (SELECT id FROM organisations WHERE id = $2::uuid AND kind = 'CORE_ENTERPRISE'),
                added AS (
                  INSERT INTO receivables (id, creditor_id, debtor_id, invoice_number, waybill_refs, issue_date, due_date, amount, diluted_amount, currency, status, registered_at, updated_at)
                  SELECT $1::uuid, $3::uuid, debtor.id, $4::text, $5::text[], $6::date, $7::date, $8::numeric, $9::numeric, $10::text, $11::text, $12::timestamptz, $12::timestamptz FROM debtor
                  RETURNING id),
                audited AS (${auditInsertFrom(`SELECT now(), $13::uuid, $3::uuid, $14::text, 'receivable.register', 'receivable', id::text, NULL::jsonb, $15::jsonb, NULL FROM added`)})
           SELECT count(*)::int AS inserted FROM added`,
    values: [
      r.id,
      r.debtorId,
      r.creditorId,
      r.invoiceNumber,
      r.waybillRefs,
      r.issueDate,
      r.dueDate,
      r.amount.toString(),
      r.dilutedAmount.toString(),
      r.amount.currency,
      r.status,
      r.registeredAt,
      actor.userId,
      actor.email,
      JSON.stringify(r),
    ],
  };
}
