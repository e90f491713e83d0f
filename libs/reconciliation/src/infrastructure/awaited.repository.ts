import type { EntityManager } from 'typeorm';
import { ilikeAny, orderBy, searchPattern } from '@caravan/database';
import type { Listing, Queue } from '@caravan/http';

// What a bank awaits, for people to read. Row-level security limits every statement here to the transaction's bank.

/**
 * The bank account a movement passes through: the bank's account registered against the ledger
 * account its kind moves (repayments come into, and surpluses leave from, the collection
 * account; disbursements leave from the funding account), in its currency; with several, the
 * first by number.
 */
const MOVEMENTS_WITH_ACCOUNT = `WITH accounts AS (
     SELECT DISTINCT ON (ledger_account, currency) ledger_account, currency, account FROM bank_accounts ORDER BY ledger_account, currency, account)
   SELECT e.*, a.account FROM expected_movements e LEFT JOIN accounts a
     ON a.currency = e.currency AND a.ledger_account = CASE e.kind WHEN 'DISBURSEMENT' THEN 'BANK_FUNDING' ELSE 'COLLECTION_ACCOUNT' END`;

export interface AwaitedMovement {
  id: string;
  kind: 'DISBURSEMENT' | 'PAYOUT' | 'REPAYMENT';
  financingRef: string;
  endToEndId: string;
  /** What the payer quotes (upper case, no spaces). */
  reference: string;
  direction: 'CRDT' | 'DBIT';
  amount: string;
  /** What is still awaited after part payments. */
  remaining: string;
  currency: string;
  valueFrom: string | null;
  valueTo: string | null;
  /** Who pays (a repayment) or is paid (a disbursement, a payout). */
  payer: string | null;
  status: 'OPEN' | 'PARTIAL' | 'MATCHED';
  /** The bank account it should appear on; null while the bank has registered none for it. */
  account: string | null;
}

export interface AwaitedFilter {
  financingRef?: string;
  account?: string;
  /** Movements whose value-date window reaches into [from, to]. */
  from?: string;
  to?: string;
  status?: AwaitedMovement['status'];
  kind?: AwaitedMovement['kind'];
  /** todo: still awaited (open or partly paid); done: matched. */
  queue?: Queue;
}

export const AWAITED_SORTS = ['valueFrom', 'amount', 'remaining', 'financingRef', 'status', 'kind'] as const;
export type AwaitedSort = (typeof AWAITED_SORTS)[number];

const AWAITED_COLUMNS: Record<AwaitedSort, string | string[]> = {
  valueFrom: ['e.value_from', 'e.end_to_end_id'],
  amount: 'e.amount',
  remaining: 'e.amount - e.settled',
  financingRef: 'e.financing_ref',
  status: 'e.status',
  kind: 'e.kind',
};

/** A page of the movements (earliest window first unless sorted), searched by loan, reference or payer; and how many match. */
export async function findAwaitedMovements(
  em: EntityManager,
  f: AwaitedFilter,
  listing: Listing<AwaitedSort>,
): Promise<[AwaitedMovement[], number]> {
  const params = [f.financingRef ?? null, f.account ?? null, f.from ?? null, f.to ?? null, f.status ?? null, f.kind ?? null];
  params.push(f.queue ?? null, searchPattern(listing.q));
  const search = ilikeAny(['e.financing_ref', 'e.end_to_end_id', 'e.reference', 'e.counterparty'], '$8');
  const from = `FROM (${MOVEMENTS_WITH_ACCOUNT}) e
   WHERE ($1::text IS NULL OR e.financing_ref = $1) AND ($2::text IS NULL OR e.account = $2)
     AND ($3::date IS NULL OR coalesce(e.value_to, e.value_from) >= $3) AND ($4::date IS NULL OR e.value_from <= $4)
     AND ($5::text IS NULL OR e.status = $5) AND ($6::text IS NULL OR e.kind = $6)
     AND ($7::text IS NULL OR (e.status = 'MATCHED') = ($7 = 'done')) AND ($8::text IS NULL OR ${search})`;
  const [{ total }] = await em.query(`SELECT count(*)::int AS total ${from}`, params);
  const rows = await em.query(
    `SELECT e.id, e.kind, e.financing_ref AS "financingRef", e.end_to_end_id AS "endToEndId", e.reference, e.direction,
            e.amount::text AS amount, (e.amount - e.settled)::text AS remaining, e.currency,
            to_char(e.value_from, 'YYYY-MM-DD') AS "valueFrom", to_char(e.value_to, 'YYYY-MM-DD') AS "valueTo",
            e.counterparty AS payer, e.status, e.account
     ${from} ${orderBy(AWAITED_COLUMNS, listing, { sort: 'valueFrom', order: 'asc' }, 'e.id')} LIMIT ${Number(listing.limit)} OFFSET ${Number(listing.offset)}`,
    params,
  );
  return [rows, total];
}

/** Where payers send a financing's repayments: the bank's collection account in that currency (first by number). */
export async function findCollectionAccount(
  em: EntityManager,
  currency: string,
): Promise<{ account: string; name: string | null } | undefined> {
  const [row] = await em.query(
    `SELECT account, name FROM bank_accounts WHERE ledger_account = 'COLLECTION_ACCOUNT' AND currency = $1 ORDER BY account LIMIT 1`,
    [currency],
  );
  return row;
}
