import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCreditLimits1764144300000 implements MigrationInterface {
  name = 'CreateCreditLimits1764144300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE credit_limits (
        id uuid PRIMARY KEY,
        bank_id uuid NOT NULL REFERENCES organisations (id),
        kind text NOT NULL CHECK (kind IN ('CORE_ENTERPRISE', 'SME', 'DEBTOR_CONCENTRATION', 'COMMODITY_CONCENTRATION')),
        subject text NOT NULL,
        amount numeric(20, 2) NOT NULL CHECK (amount >= 0),
        utilised numeric(20, 2) NOT NULL DEFAULT 0,
        currency char(3) NOT NULL,
        updated_at timestamptz NOT NULL,
        -- no over-commitment, whatever the code above it does
        CONSTRAINT credit_limits_within CHECK (utilised >= 0 AND utilised <= amount),
        CONSTRAINT credit_limits_one_per_subject UNIQUE (bank_id, kind, subject)
      )`);
    await db.query(`
      CREATE TABLE limit_reservations (
        id uuid PRIMARY KEY,
        limit_id uuid NOT NULL REFERENCES credit_limits (id),
        reference text NOT NULL,
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        released numeric(20, 2) NOT NULL DEFAULT 0,
        reserved_at timestamptz NOT NULL,
        CONSTRAINT limit_reservations_release_within CHECK (released >= 0 AND released <= amount),
        CONSTRAINT limit_reservations_once UNIQUE (limit_id, reference)
      )`);
    await db.query('CREATE INDEX limit_reservations_reference ON limit_reservations (reference)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE limit_reservations');
    await db.query('DROP TABLE credit_limits');
  }
}
