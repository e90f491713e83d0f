import type { EntityManager } from 'typeorm';
import { containing, ilikeAny, orderBy, SqlRow } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { Money } from '@caravan/money';
import type { FinancingInput, FinancingState, FinancingTerms } from '../api/financing.contract';
import { Product, PRODUCT_NAMES, PRODUCTS } from '../domain/products';

// Financings and their timelines; row-level security limits every statement to what the transaction's scope may see.

export interface FinancingRow {
  id: string;
  ref: string;
  /** What the payer quotes when repaying (ISO 11649); null for financings from before it existed. */
  paymentReference: string | null;
  /** The bank's policy version it started under (0: the platform default). */
  policyVersion: number | null;
  product: Product;
  smeId: string;
  bankId: string;
  counterpartyId: string;
  assetType: string;
  assetId: string;
  amount: string;
  currency: string;
  stage: string;
  reason: string | null;
  state: unknown;
  createdAt: string;
  /** For an approver of the financing's bank: whether their approval would count now, and if not why. */
  yourApproval?: { counts: boolean; reason: string | null };
}

export interface FinancingEvent {
  seq: number;
  step: string;
  actor: string;
  at: string;
  detail: unknown;
}

/** The side of a financing an organisation is on. */
export type Side = 'SME' | 'BANK' | 'COUNTERPARTY';

/** Whose financings a reader sees: those naming their organisation on their side, or (no side) every one. */
export interface Reader {
  side?: Side;
  organisationId: string;
}

const SIDE_COLUMNS: Record<Side, string> = { SME: 'sme_id', BANK: 'bank_id', COUNTERPARTY: 'counterparty_id' };

/** What reconciliation awaits once the money is out: who repays, under which reference, and the invoice (receivable financing). */
export interface Repayer {
  ref: string;
  reference: string;
  product: Product;
  currency: string;
  terms: FinancingTerms;
  payer: string;
  /** What the buyer still owes on the invoice; null for a loan repaid in instalments. */
  invoice: string | null;
}

/** The next number of the loan references' sequence. */
export async function nextRefNumber(em: EntityManager): Promise<string> {
  const [{ n }] = await em.query(`SELECT nextval('financing_ref_seq') AS n`);
  return String(n);
}

export async function insertFinancing(
  em: EntityManager,
  input: FinancingInput,
  paymentReference: string,
  policyVersion: number,
): Promise<void> {
  await em.query(
    `INSERT INTO financings (id, ref, payment_reference, policy_version, product, sme_id, bank_id, counterparty_id, asset_type, asset_id, amount, currency, terms, stage, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'ELIGIBILITY', now(), now())`,
    [
      input.financingId,
      input.ref,
      paymentReference,
      policyVersion,
      input.product,
      input.smeId,
      input.bankId,
      input.counterpartyId,
      input.assetType,
      input.assetId,
      input.amount,
      input.currency,
      JSON.stringify(input.terms),
    ],
  );
}

/** What a financing books from: its amount, currency and terms (its quote's), when the transaction sees it. */
export async function findLoanTerms(
  em: EntityManager,
  id: string,
): Promise<{ amount: string; currency: string; terms: FinancingTerms } | undefined> {
  const [row] = await em.query('SELECT amount, currency, terms FROM financings WHERE id = $1', [id]);
  return row && { amount: Money.of(row.amount, row.currency).toString(), currency: row.currency, terms: row.terms };
}

/** Whether the transaction sees the financing. */
export async function financingExists(em: EntityManager, id: string): Promise<boolean> {
  const [visible] = await em.query('SELECT 1 FROM financings WHERE id = $1', [id]);
  return visible !== undefined;
}

export async function findFinancing(em: EntityManager, id: string, reader: Reader): Promise<FinancingRow | undefined> {
  const column = reader.side && SIDE_COLUMNS[reader.side];
  const [row] = await em.query(
    `SELECT * FROM financings WHERE id = $1 ${column ? `AND ${column} = $2` : ''}`,
    column ? [id, reader.organisationId] : [id],
  );
  return row && toRow(row);
}

export const FINANCING_SORTS = ['createdAt', 'amount', 'ref', 'stage', 'deadline'] as const;
export type FinancingSort = (typeof FINANCING_SORTS)[number];

const FINANCING_COLUMNS: Record<FinancingSort, string> = {
  createdAt: 'f.created_at',
  amount: 'f.amount',
  ref: 'f.ref',
  stage: 'f.stage',
  // ISO instants in UTC: their text sorts as their time
  deadline: "f.state->'waitingFor'->>'deadline'",
};

export interface FinancingFilter {
  stage?: string;
  /** The reader's to-do list is the financings at these stages; done, every other. */
  queue?: { stages: string[]; done: boolean };
}

/** A page of the reader's financings (newest first unless sorted), filtered and searched, and how many match. */
export async function findFinancings(
  em: EntityManager,
  reader: Reader,
  filter: FinancingFilter,
  listing: Listing<FinancingSort>,
): Promise<[FinancingRow[], number]> {
  const params: unknown[] = [reader.organisationId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const column = reader.side && SIDE_COLUMNS[reader.side];
  const where = [column ? `f.${column} = $1` : '$1::uuid IS NOT NULL'];
  if (filter.stage) where.push(`f.stage = ${param(filter.stage)}`);
  if (filter.queue) where.push(`${filter.queue.done ? 'NOT ' : ''}(f.stage = ANY(${param(filter.queue.stages)}::text[]))`);
  if (listing.q) {
    const q = param(containing(listing.q));
    where.push(`(${ilikeAny(['f.ref', 'f.payment_reference'], q)}
      OR EXISTS (SELECT 1 FROM organisations o WHERE o.id IN (f.sme_id, f.counterparty_id) AND o.name ILIKE ${q})
      OR EXISTS (SELECT 1 FROM receivables r WHERE f.asset_type = 'RECEIVABLE' AND r.id = f.asset_id AND r.invoice_number ILIKE ${q}))`);
  }
  const from = `FROM financings f WHERE ${where.join(' AND ')}`;
  const [{ total }] = await em.query(`SELECT count(*)::int AS total ${from}`, params);
  const order = orderBy(FINANCING_COLUMNS, listing, { sort: 'createdAt', order: 'desc' }, 'f.id');
  const rows = await em.query(`SELECT f.* ${from} ${order} LIMIT ${Number(listing.limit)} OFFSET ${Number(listing.offset)}`, params);
  return [rows.map(toRow), total];
}

/** The bank of the financing with this id or reference, read across banks. */
export async function findBankOf(em: EntityManager, financingId: string | null, ref: string | null): Promise<string | undefined> {
  const [row] = await em.query('SELECT bank_id FROM financings WHERE id = $1 OR ref = $2', [financingId, ref]);
  return row?.bank_id;
}

export async function findSmeOf(em: EntityManager, financingId: string): Promise<string> {
  const [financing] = await em.query('SELECT sme_id FROM financings WHERE id = $1', [financingId]);
  return financing.sme_id;
}

export async function findRepayer(em: EntityManager, financingId: string): Promise<Repayer> {
  const [f] = await em.query(
    `SELECT f.ref, coalesce(f.payment_reference, f.ref) AS reference, f.product, f.currency, f.terms, payer.name AS payer, (r.amount - r.diluted_amount)::text AS invoice
       FROM financings f
       JOIN organisations payer ON payer.id = CASE WHEN f.product = ANY($2) THEN f.counterparty_id ELSE f.sme_id END
       LEFT JOIN receivables r ON f.asset_type = 'RECEIVABLE' AND r.id = f.asset_id
      WHERE f.id = $1`,
    [financingId, PRODUCT_NAMES.filter((p) => PRODUCTS[p].payer === 'COUNTERPARTY')],
  );
  return f;
}

/** Records a step of the timeline once per sequence number; whether this call recorded it. */
export async function insertEvent(
  em: EntityManager,
  event: { financingId: string; seq: number; step: string; actor: string; detail: Record<string, unknown> },
): Promise<boolean> {
  const [inserted] = await em.query(
    `INSERT INTO financing_events (financing_id, seq, step, actor, detail) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT financing_events_once DO NOTHING RETURNING id`,
    [event.financingId, event.seq, event.step, event.actor, JSON.stringify(event.detail)],
  );
  return inserted !== undefined;
}

/**
 * The row takes the state of event `seq`, unless a later one is there already (events of a human
 * step and of the main flow may commit in either order); answers the stage it left, if it wrote.
 * The row lock is the one a plain UPDATE takes (FOR NO KEY UPDATE): FOR UPDATE would also wait
 * on the key-share lock a person's open transaction holds by inserting a row that references the
 * financing, and that transaction may be waiting on this very workflow.
 */
export async function advanceState(
  em: EntityManager,
  financingId: string,
  seq: number,
  state: FinancingState,
): Promise<string | undefined> {
  const [rows] = await em.query(
    `WITH before AS (SELECT stage FROM financings WHERE id = $1 FOR NO KEY UPDATE)
     UPDATE financings f SET stage = $2, reason = $3, state = $4, state_seq = $5, updated_at = now()
       FROM before WHERE f.id = $1 AND f.state_seq < $5 RETURNING before.stage AS previous`,
    [financingId, state.stage, state.reason ?? null, JSON.stringify(state), seq],
  );
  return (rows as Array<{ previous: string }>)[0]?.previous;
}

/** Every step, who, when, in order. */
export async function findEvents(em: EntityManager, financingId: string): Promise<FinancingEvent[]> {
  const events = await em.query('SELECT seq, step, actor, occurred_at, detail FROM financing_events WHERE financing_id = $1 ORDER BY seq', [
    financingId,
  ]);
  return events.map((e: { seq: number; step: string; actor: string; occurred_at: Date; detail: unknown }) => ({
    seq: e.seq,
    step: e.step,
    actor: e.actor,
    at: e.occurred_at.toISOString(),
    detail: e.detail,
  }));
}

function toRow(r: SqlRow): FinancingRow {
  return {
    id: r.id,
    ref: r.ref,
    paymentReference: r.payment_reference,
    policyVersion: r.policy_version,
    product: r.product,
    smeId: r.sme_id,
    bankId: r.bank_id,
    counterpartyId: r.counterparty_id,
    assetType: r.asset_type,
    assetId: r.asset_id,
    amount: Money.of(r.amount).toString(),
    currency: r.currency,
    stage: r.stage,
    reason: r.reason,
    state: r.state,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
