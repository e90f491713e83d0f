import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ilikeAny, orderBy, searchPattern, SqlRow } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { Money } from '@caravan/money';
import type { Account, EntryDraft, Line } from '../domain/accounts';

// Journal entries and their lines; row-level security limits every statement to the transaction's bank.

export interface PostedEntry {
  id: string;
  idempotencyKey: string;
  financingRef: string | null;
  kind: string;
  description: string;
  valueDate: string;
  reversesEntryId: string | null;
  /** Who posted it: a person (`email (id)`) or the platform (`system:…`). */
  postedBy: string;
  /** The second person, for an entry that needed one (a reversal). */
  approvedBy: string | null;
  lines: Line[];
}

export interface Balance {
  account: Account;
  financingRef: string;
  debits: string;
  credits: string;
  /** debits − credits: positive for assets, negative for liabilities and income. */
  balance: string;
}

/** Who an entry names as having posted it, and approved it when it took a second person. */
export interface Signatures {
  postedBy: string;
  postedByUser: string | null;
  approvedBy?: string;
  approvedByUser?: string;
}

/** Records the entry's head under a new id; undefined when its idempotency key is taken (in these books or another bank's). */
export async function insertEntry(
  em: EntityManager,
  draft: EntryDraft,
  signed: Signatures,
  reversesEntryId: string | null,
): Promise<string | undefined> {
  const id = randomUUID();
  const inserted = await em.query(
    `INSERT INTO journal_entries (id, idempotency_key, financing_ref, kind, description, value_date, currency, reverses_entry_id, posted_by, posted_by_user, approved_by, approved_by_user)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
    [
      id,
      draft.idempotencyKey,
      draft.financingRef ?? null,
      draft.kind,
      draft.description,
      draft.valueDate,
      draft.currency ?? 'CNY',
      reversesEntryId,
      signed.postedBy,
      signed.postedByUser,
      signed.approvedBy ?? null,
      signed.approvedByUser ?? null,
    ],
  );
  return inserted.length === 0 ? undefined : id;
}

export async function insertLines(em: EntityManager, entryId: string, draft: EntryDraft): Promise<void> {
  await em.query(
    `INSERT INTO journal_lines (entry_id, account_code, financing_ref, debit, credit)
     SELECT $1, account, $2, debit, credit FROM unnest($3::text[], $4::numeric[], $5::numeric[]) AS l(account, debit, credit)`,
    [
      entryId,
      draft.financingRef ?? '',
      draft.lines.map((l) => l.account),
      draft.lines.map((l) => l.debit ?? '0'),
      draft.lines.map((l) => l.credit ?? '0'),
    ],
  );
}

/** The id of the entry posted under `key` in these books, if any. */
export async function findEntryIdByKey(em: EntityManager, key: string): Promise<string | undefined> {
  const [row] = await em.query('SELECT id FROM journal_entries WHERE idempotency_key = $1', [key]);
  return row?.id;
}

export async function findEntry(em: EntityManager, id: string): Promise<PostedEntry | undefined> {
  const [entry] = await load(em, 'e.id = $1', [id]);
  return entry;
}

export async function isReversed(em: EntityManager, entryId: string): Promise<boolean> {
  const [reversed] = await em.query('SELECT 1 FROM journal_entries WHERE reverses_entry_id = $1', [entryId]);
  return reversed !== undefined;
}

/** A page of a financing's entries in posting order, and how many it has. */
export const ENTRY_SORTS = ['postedAt', 'valueDate', 'kind'] as const;
export type EntrySort = (typeof ENTRY_SORTS)[number];

const ENTRY_COLUMNS: Record<EntrySort, string> = { postedAt: 'e.posted_at', valueDate: 'e.value_date', kind: 'e.kind' };

/** A page of a financing's entries (oldest first unless sorted), searched by kind, description or who posted; and how many match. */
export async function findEntriesOf(
  em: EntityManager,
  financingRef: string,
  listing: Listing<EntrySort>,
): Promise<[PostedEntry[], number]> {
  const where = `e.financing_ref = $1 AND ($2::text IS NULL OR ${ilikeAny(['e.kind', 'e.description', 'e.posted_by', 'e.approved_by'], '$2')})`;
  const params = [financingRef, searchPattern(listing.q)];
  const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM journal_entries e WHERE ${where}`, params);
  const order = orderBy(ENTRY_COLUMNS, listing, { sort: 'postedAt', order: 'asc' }, 'e.id');
  return [await load(em, `${where} ${order} LIMIT $3 OFFSET $4`, [...params, listing.limit, listing.offset]), total];
}

/** Balances per account, for one financing or (without one) the whole book. */
export async function sumBalances(em: EntityManager, financingRef?: string): Promise<Balance[]> {
  const rows: Array<{ account_code: Account; financing_ref: string; debits: string; credits: string }> = await em.query(
    financingRef === undefined
      ? `SELECT account_code, '' AS financing_ref, sum(debits) AS debits, sum(credits) AS credits FROM ledger_balances GROUP BY account_code ORDER BY account_code`
      : 'SELECT account_code, financing_ref, sum(debits) AS debits, sum(credits) AS credits FROM ledger_balances WHERE financing_ref = $1 GROUP BY 1, 2 ORDER BY account_code',
    financingRef === undefined ? [] : [financingRef],
  );
  return rows.map((r) => ({
    account: r.account_code,
    financingRef: r.financing_ref,
    debits: Money.of(r.debits).toString(),
    credits: Money.of(r.credits).toString(),
    balance: Money.of(r.debits).minus(Money.of(r.credits)).toString(),
  }));
}

/** Entries with their lines, in one query. */
async function load(em: EntityManager, where: string, params: unknown[]): Promise<PostedEntry[]> {
  const rows: SqlRow[] = await em.query(
    `SELECT e.id, e.idempotency_key, e.financing_ref, e.kind, e.description, to_char(e.value_date, 'YYYY-MM-DD') AS value_date, e.reverses_entry_id,
            e.posted_by, e.approved_by,
            (SELECT json_agg(json_build_object('account', l.account_code, 'debit', l.debit::text, 'credit', l.credit::text) ORDER BY l.id)
               FROM journal_lines l WHERE l.entry_id = e.id) AS lines
       FROM journal_entries e WHERE ${where}`,
    params,
  );
  return rows.map((entry) => ({
    id: entry.id,
    idempotencyKey: entry.idempotency_key,
    financingRef: entry.financing_ref,
    kind: entry.kind,
    description: entry.description,
    valueDate: entry.value_date,
    reversesEntryId: entry.reverses_entry_id,
    postedBy: entry.posted_by,
    approvedBy: entry.approved_by,
    lines: (entry.lines as Array<{ account: Account; debit: string; credit: string }>).map((l) =>
      Money.of(l.debit).isZero() ? { account: l.account, credit: l.credit } : { account: l.account, debit: l.debit },
    ),
  }));
}
