import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each transaction of a batched entry (a camt Ntry with several TxDtls, each with its amount)
 * is its own statement line, so a batch paying two invoices matches both. The line keeps the
 * entry it was booked in: the entry's position in the file and its amount; both are null for
 * a line that is a whole entry.
 */
export class LinesPerTransaction1764147320000 implements MigrationInterface {
  name = 'LinesPerTransaction1764147320000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE statement_lines ADD COLUMN entry_position int, ADD COLUMN entry_amount numeric');
    await db.query(
      `ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_batch_entry
         CHECK ((entry_position IS NULL) = (entry_amount IS NULL) AND (entry_amount IS NULL OR entry_amount >= amount))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE statement_lines DROP COLUMN entry_position, DROP COLUMN entry_amount');
  }
}
