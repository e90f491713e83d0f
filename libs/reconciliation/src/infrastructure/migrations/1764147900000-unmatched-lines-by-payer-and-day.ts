import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rule 4 reads a payer's unmatched lines inside the windows of the movements still awaited of
 * it, not every unmatched line the payer ever had (they pile up in the exceptions queue). The
 * payer's index gains the line's day, so that read is a range of it; it serves the reads by
 * payer alone as before, and an import maintains one index as many as before.
 */
export class UnmatchedLinesByPayerAndDay1764147900000 implements MigrationInterface {
  name = 'UnmatchedLinesByPayerAndDay1764147900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX statement_lines_unmatched_party_day ON statement_lines (counterparty_key, (coalesce(booking_date, value_date))) WHERE match_status = 'UNMATCHED'`,
    );
    await db.query('DROP INDEX statement_lines_unmatched_party');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX statement_lines_unmatched_party ON statement_lines (counterparty_key) WHERE match_status = 'UNMATCHED'`);
    await db.query('DROP INDEX statement_lines_unmatched_party_day');
  }
}
