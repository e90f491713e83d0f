import { Client } from 'pg';
import type { Answered } from '../../scripts/bench/lanes';

/**
 * What must hold after any fault: every answered request left its mark, every financing
 * closed, money moved once, every journal entry balances, each closed loan's principal is zero.
 */
export async function expectInvariants(ownerUrl: string, answered: Answered): Promise<void> {
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const { rows: receivables } = await db.query('SELECT id FROM receivables WHERE id = ANY($1::uuid[])', [answered.receivables]);
    expect(receivables).toHaveLength(answered.receivables.length);
    const { rows: financings } = await db.query('SELECT ref, stage FROM financings WHERE id = ANY($1::uuid[])', [
      answered.financings.map((f) => f.id),
    ]);
    expect(financings).toHaveLength(answered.financings.length);
    expect(financings.filter((f) => f.stage !== 'CLOSED')).toEqual([]);
    // money moved once: one disbursement and one surplus payout per financing, one repayment per payment
    const refs = answered.financings.map((f) => f.ref);
    const { rows: payouts } = await db.query(
      `SELECT split_part(instruction_id, '/', 2) AS purpose, count(*)::int AS n FROM simulated_bank_payments WHERE split_part(instruction_id, '/', 1) = ANY($1) GROUP BY 1`,
      [refs],
    );
    expect(Object.fromEntries(payouts.map((p) => [p.purpose, p.n]))).toEqual({ disbursement: refs.length, surplus: refs.length });
    const { rows: entries } = await db.query(
      `SELECT kind, count(*)::int AS n FROM journal_entries WHERE financing_ref = ANY($1) AND reverses_entry_id IS NULL GROUP BY kind`,
      [refs],
    );
    const byKind = Object.fromEntries(entries.map((e) => [e.kind, e.n]));
    expect(byKind.disbursement).toBe(refs.length);
    expect(byKind.repayment).toBe(answered.payments.length);
    const { rows: unbalanced } = await db.query('SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)');
    expect(unbalanced).toEqual([]);
    const { rows: principal } = await db.query(
      `SELECT financing_ref FROM ledger_balances WHERE account_code = 'LOAN_PRINCIPAL' AND financing_ref = ANY($1) AND debits <> credits`,
      [refs],
    );
    expect(principal).toEqual([]);
  } finally {
    await db.end();
  }
}
