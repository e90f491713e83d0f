import type { EntityManager } from 'typeorm';

// Row-level security limits the lines, statements and accounts read here to the transaction's bank.

export interface ReportRow {
  account: string;
  day: string;
  currency: string;
  matchedCount: number;
  matchedSum: string;
  unmatchedCount: number;
  unmatchedSum: string;
  writtenOffCount: number;
  writtenOffSum: string;
  /** The account's balance at the day's end as the bank shows it (credits positive). */
  bankBalance: string;
  /** The mapped ledger account's balance at the day's end (debits positive; an entry counts from its value date or its posting, the earlier); null when unmapped. */
  ledgerAccount: string | null;
  ledgerBalance: string | null;
  difference: string | null;
}

/** The report's rows from `from` to `to` (of one account, or all), ledger postings dated in `timeZone`. */
export function findReport(em: EntityManager, from: string, to: string, account: string | null, timeZone: string): Promise<ReportRow[]> {
  return em.query(
    `WITH days AS (
       SELECT account, currency, coalesce(booking_date, value_date) AS day,
              count(*) FILTER (WHERE match_status = 'MATCHED')::int AS matched_count,
              coalesce(sum(signed) FILTER (WHERE match_status = 'MATCHED'), 0) AS matched_sum,
              count(*) FILTER (WHERE match_status = 'UNMATCHED')::int AS unmatched_count,
              coalesce(sum(signed) FILTER (WHERE match_status = 'UNMATCHED'), 0) AS unmatched_sum,
              count(*) FILTER (WHERE match_status = 'WRITTEN_OFF')::int AS written_off_count,
              coalesce(sum(signed) FILTER (WHERE match_status = 'WRITTEN_OFF'), 0) AS written_off_sum,
              sum(signed) AS net
         FROM (SELECT *, CASE WHEN direction = 'CRDT' THEN amount ELSE -amount END AS signed FROM statement_lines
                WHERE ($3::text IS NULL OR account = $3) AND coalesce(booking_date, value_date) <= $2::date) l
        GROUP BY account, currency, day),
     running AS (
       SELECT d.*, coalesce((SELECT s.opening_balance FROM bank_statements s WHERE s.account = d.account AND s.opening_balance IS NOT NULL
                              ORDER BY s.period_from NULLS LAST, s.imported_at LIMIT 1), 0)
                   + sum(d.net) OVER (PARTITION BY d.account, d.currency ORDER BY d.day) AS bank_balance
         FROM days d),
     booked AS (
       SELECT r.*, b.ledger_account,
              CASE WHEN b.ledger_account IS NOT NULL THEN
                (SELECT coalesce(sum(jl.debit - jl.credit), 0) FROM journal_lines jl JOIN journal_entries je ON je.id = jl.entry_id
                  WHERE jl.account_code = b.ledger_account AND je.currency = r.currency
                    -- a payment learnt of late counts from its value date, as the bank booked it
                    AND least(je.value_date, (je.posted_at AT TIME ZONE $4)::date) <= r.day)
              END AS ledger_balance
         FROM running r LEFT JOIN bank_accounts b ON b.account = r.account
        WHERE r.day >= $1::date)
     SELECT account, to_char(day, 'YYYY-MM-DD') AS day, currency,
            matched_count AS "matchedCount", matched_sum::numeric(20, 2)::text AS "matchedSum",
            unmatched_count AS "unmatchedCount", unmatched_sum::numeric(20, 2)::text AS "unmatchedSum",
            written_off_count AS "writtenOffCount", written_off_sum::numeric(20, 2)::text AS "writtenOffSum",
            bank_balance::numeric(20, 2)::text AS "bankBalance", ledger_account AS "ledgerAccount",
            ledger_balance::numeric(20, 2)::text AS "ledgerBalance", (ledger_balance - bank_balance)::numeric(20, 2)::text AS difference
       FROM booked ORDER BY account, day`,
    [from, to, account, timeZone],
  );
}
