import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * A trial's quote: the terms of one policy version priced for one asset and amount, kept so
 * the application that refers to it books them, not whatever the bank prices by then. Like a
 * financing, a quote is the SME's, addressed to a bank: the SME writes it (and marks it used
 * by its application), both read it, nobody else; row-level security holds it.
 */
export class FinancingQuotes1764147600000 implements MigrationInterface {
  name = 'FinancingQuotes1764147600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE financing_quotes (
        id uuid PRIMARY KEY,
        sme_id uuid NOT NULL DEFAULT caravan_organisation() REFERENCES organisations (id),
        bank_id uuid NOT NULL REFERENCES organisations (id),
        product text NOT NULL,
        asset_id uuid NOT NULL,
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        max_amount numeric(20, 2) NOT NULL,
        policy_version integer NOT NULL CHECK (policy_version >= 0),
        terms jsonb NOT NULL,
        tiers jsonb NOT NULL,
        deadlines jsonb NOT NULL,
        start_date date NOT NULL,
        schedule jsonb NOT NULL,
        valid_through date NOT NULL CHECK (valid_through >= start_date),
        financing_id uuid UNIQUE,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query('CREATE INDEX financing_quotes_sme ON financing_quotes (sme_id, created_at)');
    await db.query('ALTER TABLE financing_quotes ENABLE ROW LEVEL SECURITY');
    await db.query(`CREATE POLICY financing_quotes_parties ON financing_quotes FOR SELECT
      USING (caravan_organisation() IN (sme_id, bank_id) OR caravan_reads_all())`);
    await db.query('CREATE POLICY financing_quotes_sme ON financing_quotes FOR INSERT WITH CHECK (sme_id = caravan_organisation())');
    await db.query(`CREATE POLICY financing_quotes_used ON financing_quotes FOR UPDATE
      USING (sme_id = caravan_organisation()) WITH CHECK (sme_id = caravan_organisation())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE (financing_id) ON financing_quotes TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE financing_quotes');
  }
}
