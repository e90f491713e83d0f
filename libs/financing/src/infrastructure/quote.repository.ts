import type { EntityManager } from 'typeorm';
import { SqlRow } from '@caravan/database';
import { Money } from '@caravan/money';
import type { Quote } from '../application/quote';

// Trials' quotes; row-level security shows a quote to its SME and its bank only.

export async function insertQuote(em: EntityManager, q: Quote, createdBy: string): Promise<void> {
  await em.query(
    `INSERT INTO financing_quotes (id, sme_id, bank_id, product, asset_id, amount, currency, max_amount, policy_version, terms, tiers, deadlines,
                                   start_date, schedule, valid_through, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      q.quoteId,
      q.smeId,
      q.bankId,
      q.product,
      q.assetId,
      q.amount,
      q.currency,
      q.maxAmount,
      q.policyVersion,
      JSON.stringify(q.terms),
      JSON.stringify(q.tiers),
      JSON.stringify(q.deadlines),
      q.startDate,
      JSON.stringify(q.schedule),
      q.validThrough,
      createdBy,
    ],
  );
}

/** The quote, when the transaction sees it and it is the SME's. */
export async function findQuote(em: EntityManager, id: string, smeId: string): Promise<Quote | undefined> {
  const [row] = await em.query(
    `SELECT *, to_char(start_date, 'YYYY-MM-DD') AS start_day, to_char(valid_through, 'YYYY-MM-DD') AS valid_through_day
       FROM financing_quotes WHERE id = $1 AND sme_id = $2`,
    [id, smeId],
  );
  return row && toQuote(row);
}

/** Marks the quote applied with, once: false when another application took it first. */
export async function useQuote(em: EntityManager, id: string, financingId: string): Promise<boolean> {
  const [, count] = await em.query('UPDATE financing_quotes SET financing_id = $2 WHERE id = $1 AND financing_id IS NULL', [
    id,
    financingId,
  ]);
  return count === 1;
}

function toQuote(r: SqlRow): Quote {
  return {
    quoteId: r.id,
    smeId: r.sme_id,
    bankId: r.bank_id,
    product: r.product,
    assetId: r.asset_id,
    amount: Money.of(r.amount, r.currency).toString(),
    currency: r.currency,
    maxAmount: Money.of(r.max_amount, r.currency).toString(),
    policyVersion: r.policy_version,
    terms: r.terms,
    tiers: r.tiers,
    deadlines: r.deadlines,
    startDate: r.start_day,
    schedule: r.schedule,
    validThrough: r.valid_through_day,
    financingId: r.financing_id,
  };
}
