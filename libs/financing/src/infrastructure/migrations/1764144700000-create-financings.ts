import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFinancings1764144700000 implements MigrationInterface {
  name = 'CreateFinancings1764144700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('CREATE SEQUENCE financing_ref_seq');
    await db.query(`
      CREATE TABLE financings (
        id uuid PRIMARY KEY,
        ref text NOT NULL CONSTRAINT financings_ref_unique UNIQUE,
        product text NOT NULL CHECK (product IN ('RECEIVABLE_FINANCING', 'WAREHOUSE_RECEIPT_LOAN')),
        sme_id uuid NOT NULL REFERENCES organisations (id),
        bank_id uuid NOT NULL REFERENCES organisations (id),
        counterparty_id uuid NOT NULL REFERENCES organisations (id),
        asset_type text NOT NULL,
        asset_id uuid NOT NULL,
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        terms jsonb NOT NULL,
        stage text NOT NULL,
        reason text,
        state jsonb,
        -- the sequence number of the event that wrote stage and state: older events never overwrite newer
        state_seq integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX financings_sme ON financings (sme_id, created_at)');
    await db.query('CREATE INDEX financings_bank_stage ON financings (bank_id, stage)');
    await db.query('CREATE INDEX financings_counterparty ON financings (counterparty_id, stage)');
    await db.query(`
      CREATE TABLE financing_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        financing_id uuid NOT NULL REFERENCES financings (id),
        seq integer NOT NULL,
        step text NOT NULL,
        actor text NOT NULL,
        detail jsonb NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT financing_events_once UNIQUE (financing_id, seq)
      )`);
    await db.query(`
      CREATE TABLE financing_policies (
        bank_id uuid PRIMARY KEY REFERENCES organisations (id),
        tiers jsonb NOT NULL,
        deadlines jsonb NOT NULL,
        max_advance_rate numeric(5, 4) NOT NULL CHECK (max_advance_rate > 0 AND max_advance_rate <= 1),
        max_ltv numeric(5, 4) NOT NULL CHECK (max_ltv > 0 AND max_ltv <= 1),
        maintenance_ltv numeric(5, 4) NOT NULL CHECK (maintenance_ltv >= max_ltv AND maintenance_ltv <= 1),
        allocation_order jsonb NOT NULL,
        pricing jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // The built-in simulated bank: one row per payment instruction, so money moves once.
    await db.query(`
      CREATE TABLE simulated_bank_payments (
        instruction_id text PRIMARY KEY,
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        beneficiary_id uuid NOT NULL,
        purpose text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'SETTLED', 'FAILED')),
        reason text,
        settle_after timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE simulated_bank_faults (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        fail_next integer NOT NULL DEFAULT 0 CHECK (fail_next >= 0),
        delay_ms integer NOT NULL DEFAULT 0 CHECK (delay_ms >= 0)
      )`);
    await db.query('INSERT INTO simulated_bank_faults DEFAULT VALUES');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE simulated_bank_faults, simulated_bank_payments, financing_policies, financing_events, financings');
    await db.query('DROP SEQUENCE financing_ref_seq');
  }
}
