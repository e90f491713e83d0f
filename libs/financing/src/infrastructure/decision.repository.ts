import type { EntityManager } from 'typeorm';

// What a bank's decision page reads beyond the financing: the bank's other financings with a party.

/** A financing of the party with the bank, as a risk summary counts it. */
export interface PartyLoan {
  stage: string;
  currency: string;
  /** Principal not yet repaid (null before the loan is booked). */
  outstanding: string | null;
  overdueSince: number | null;
  disbursedAt: string | null;
  /** Every ageing bucket the loan's timeline recorded. */
  buckets: string[];
}

/**
 * The bank's other financings of an SME (side 'sme') or of a buyer (side 'buyer': receivable
 * financings it owes). Row-level security keeps them to the transaction's bank.
 */
export async function findPartyLoans(
  em: EntityManager,
  side: 'sme' | 'buyer',
  organisationId: string,
  bankId: string,
  exceptId: string,
): Promise<PartyLoan[]> {
  const party = side === 'sme' ? 'f.sme_id = $1' : `f.counterparty_id = $1 AND f.asset_type = 'RECEIVABLE'`;
  const rows = await em.query(
    `SELECT f.stage, f.currency, f.state->'book'->>'outstanding' AS outstanding, (f.state->'book'->>'overdueSince')::int AS overdue_since,
            f.state->>'disbursedAt' AS disbursed_at,
            coalesce((SELECT array_agg(e.detail->>'bucket') FROM financing_events e WHERE e.financing_id = f.id AND e.step = 'ageing'), '{}') AS buckets
       FROM financings f WHERE ${party} AND f.bank_id = $2 AND f.id <> $3`,
    [organisationId, bankId, exceptId],
  );
  return rows.map(
    (r: {
      stage: string;
      currency: string;
      outstanding: string | null;
      overdue_since: number | null;
      disbursed_at: string | null;
      buckets: string[];
    }) => ({
      stage: r.stage,
      currency: r.currency,
      outstanding: r.outstanding,
      overdueSince: r.overdue_since,
      disbursedAt: r.disbursed_at,
      buckets: r.buckets,
    }),
  );
}
