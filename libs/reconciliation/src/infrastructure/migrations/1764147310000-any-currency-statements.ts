import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Statements in any ISO 4217 currency: amounts keep their currency's minor unit (KWD and BHD
 * have three, CLF four) instead of being rounded to two by the column, and a bank account
 * may name the character set its MT940 and CSV files come in (Chinese banks send GBK or
 * GB18030 as well as UTF-8). Dropping the columns' scale rewrites nothing.
 */
export class AnyCurrencyStatements1764147310000 implements MigrationInterface {
  name = 'AnyCurrencyStatements1764147310000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE statement_lines ALTER COLUMN amount TYPE numeric');
    await db.query('ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_amount_scale CHECK (scale(amount) <= 4 AND amount < 1e18)');
    await db.query('ALTER TABLE match_links ALTER COLUMN amount TYPE numeric');
    await db.query('ALTER TABLE bank_statements ALTER COLUMN opening_balance TYPE numeric, ALTER COLUMN closing_balance TYPE numeric');
    await db.query(
      `ALTER TABLE bank_accounts ADD COLUMN statement_encoding text CHECK (statement_encoding IN ('UTF-8', 'GBK', 'GB18030', 'ISO-8859-1'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE bank_accounts DROP COLUMN statement_encoding');
    await db.query(
      'ALTER TABLE bank_statements ALTER COLUMN opening_balance TYPE numeric(20, 2), ALTER COLUMN closing_balance TYPE numeric(20, 2)',
    );
    await db.query('ALTER TABLE match_links ALTER COLUMN amount TYPE numeric(20, 2)');
    await db.query('ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_amount_scale');
    await db.query('ALTER TABLE statement_lines ALTER COLUMN amount TYPE numeric(20, 2)');
  }
}
