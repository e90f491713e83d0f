import type { EntityManager } from 'typeorm';
import { Money } from '@caravan/money';
import type { AgeingBucket } from '../domain/loan-book';

/** One ageing bucket of a bank's open loans: how many, and the principal they still owe. */
export interface BucketRow {
  bucket: AgeingBucket;
  count: number;
  outstanding: string;
}

/** An open loan as the portfolio lists it: who owes, what and how late. */
export interface PortfolioLoanRow {
  id: string;
  ref: string;
  product: string;
  sme: string;
  counterparty: string | null;
  amount: string;
  outstanding: string;
  currency: string;
  ageing: AgeingBucket;
  disbursedAt: string | null;
}

// a loan being repaid whose workflow has not aged it yet is current; its principal outstanding is its book's, else its amount
const OPEN = `f.stage = 'REPAYING' AND f.bank_id = $1`;
const BUCKET = `coalesce(f.state->>'ageing', 'CURRENT')`;
const OUTSTANDING = `coalesce((f.state->'book'->>'outstanding')::numeric, f.amount)`;

/** The bank's open loans by ageing bucket, in one pass. */
export async function portfolioBuckets(em: EntityManager, bankId: string): Promise<BucketRow[]> {
  const rows: Array<{ bucket: AgeingBucket; count: number; outstanding: string }> = await em.query(
    `SELECT ${BUCKET} AS bucket, count(*)::int AS count, sum(${OUTSTANDING})::text AS outstanding
       FROM financings f WHERE ${OPEN} GROUP BY 1`,
    [bankId],
  );
  return rows.map((r) => ({ ...r, outstanding: Money.of(r.outstanding).toString() }));
}

/** One bucket's loans, most owed first (ties by reference), a page at a time. */
export async function loansInBucket(
  em: EntityManager,
  bankId: string,
  bucket: AgeingBucket,
  page: { limit: number; offset: number },
): Promise<[PortfolioLoanRow[], number]> {
  const where = `WHERE ${OPEN} AND ${BUCKET} = $2`;
  const [{ total }] = await em.query(`SELECT count(*)::int AS total FROM financings f ${where}`, [bankId, bucket]);
  const rows = await em.query(
    `SELECT f.id, f.ref, f.product, f.amount::text, ${OUTSTANDING}::text AS outstanding, f.currency, ${BUCKET} AS ageing,
            f.state->>'disbursedAt' AS disbursed_at, sme.name AS sme, cp.name AS counterparty
       FROM financings f JOIN organisations sme ON sme.id = f.sme_id LEFT JOIN organisations cp ON cp.id = f.counterparty_id
      ${where}
      ORDER BY ${OUTSTANDING} DESC, f.ref LIMIT $3 OFFSET $4`,
    [bankId, bucket, page.limit, page.offset],
  );
  return [rows.map(toLoan), total];
}

function toLoan(r: Record<string, string | null>): PortfolioLoanRow {
  return {
    id: r.id!,
    ref: r.ref!,
    product: r.product!,
    sme: r.sme!,
    counterparty: r.counterparty,
    amount: Money.of(r.amount!).toString(),
    outstanding: Money.of(r.outstanding!).toString(),
    currency: r.currency!,
    ageing: r.ageing as AgeingBucket,
    disbursedAt: r.disbursed_at,
  };
}
