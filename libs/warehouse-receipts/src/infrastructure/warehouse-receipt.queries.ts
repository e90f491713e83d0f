import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { containing, ilikeAny, sortOf } from '@caravan/database';
import type { Listing } from '@caravan/http';
import type { ReceiptStatus } from '../domain/warehouse-receipt';
import { WarehouseReceiptEntity } from './warehouse-receipt.entities';

/** Which receipts a caller may see: the rest do not exist for them. */
export type ReceiptScope = { kind: 'all' } | { kind: 'none' } | { kind: 'custodian' | 'holder' | 'pledgee'; organisationId: string };

export interface ReceiptFilter {
  status?: ReceiptStatus;
  commodityCode?: string;
}

export const RECEIPT_SORTS = ['issuedAt', 'receiptNumber', 'commodityCode', 'quantity', 'status'] as const;
export type ReceiptSort = (typeof RECEIPT_SORTS)[number];

const RECEIPT_COLUMNS: Record<ReceiptSort, string> = {
  issuedAt: 'w.issued_at',
  receiptNumber: 'w.receipt_number',
  commodityCode: 'w.commodity_code',
  quantity: 'w.quantity',
  status: 'w.status',
};

export function scoped(query: SelectQueryBuilder<WarehouseReceiptEntity>, scope: ReceiptScope): SelectQueryBuilder<WarehouseReceiptEntity> {
  switch (scope.kind) {
    case 'all':
      return query.where('TRUE');
    case 'none':
      return query.where('FALSE');
    case 'custodian':
      return query.where('w.custodian_id = :org', { org: scope.organisationId });
    case 'holder':
      return query.where('w.holder_id = :org', { org: scope.organisationId });
    case 'pledgee':
      return query.where(
        `EXISTS (SELECT 1 FROM pledges p WHERE p.asset_type = 'WAREHOUSE_RECEIPT' AND p.asset_id = w.id AND p.status = 'LIVE' AND p.pledgee_id = :org)`,
        { org: scope.organisationId },
      );
  }
}

/** A page of the receipts in scope (newest first unless sorted), filtered and searched by number, commodity, place or holder; and how many match. */
export function findReceipts(
  em: EntityManager,
  scope: ReceiptScope,
  filter: ReceiptFilter,
  listing: Listing<ReceiptSort>,
): Promise<[WarehouseReceiptEntity[], number]> {
  const query = scoped(em.getRepository(WarehouseReceiptEntity).createQueryBuilder('w'), scope);
  if (filter.status) query.andWhere('w.status = :status', { status: filter.status });
  if (filter.commodityCode) query.andWhere('w.commodity_code = :code', { code: filter.commodityCode });
  if (listing.q) {
    const named = `EXISTS (SELECT 1 FROM commodities c WHERE c.code = w.commodity_code AND c.name ILIKE :q)
      OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = w.holder_id AND o.name ILIKE :q)`;
    query.andWhere(`(${ilikeAny(['w.receipt_number', 'w.commodity_code', 'w.location'], ':q')} OR ${named})`, { q: containing(listing.q) });
  }
  const sort = sortOf(RECEIPT_COLUMNS, listing, { sort: 'issuedAt', order: 'desc' });
  sort.columns.forEach((column) => query.addOrderBy(column, sort.direction, 'NULLS LAST'));
  return query.addOrderBy('w.id', sort.direction).take(listing.limit).skip(listing.offset).getManyAndCount();
}
