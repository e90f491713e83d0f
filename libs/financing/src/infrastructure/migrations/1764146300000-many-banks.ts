import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * Financings on a platform of many banks. A financing is seen by its three parties (and the
 * operator's readers) and changed by its bank's workflow; row-level security holds it. The
 * payer quotes a reference nobody can guess (ISO 11649), not the sequential loan number. A
 * bank's policy is versioned: a version takes effect when a second person approved it, and its
 * tiers always ask at least one approval. Each bank has its own simulated payment gateway.
 */
export class ManyBanks1764146300000 implements MigrationInterface {
  name = 'ManyBanks1764146300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE financings ADD COLUMN payment_reference text CONSTRAINT financings_payment_reference_unique UNIQUE');
    await db.query('ALTER TABLE financings ADD COLUMN policy_version integer');
    await db.query('ALTER TABLE financings ENABLE ROW LEVEL SECURITY');
    await db.query(`CREATE POLICY financings_parties ON financings FOR SELECT
      USING (caravan_organisation() IN (sme_id, bank_id, counterparty_id) OR caravan_reads_all())`);
    await db.query('CREATE POLICY financings_apply ON financings FOR INSERT WITH CHECK (sme_id = caravan_organisation())');
    await db.query('CREATE POLICY financings_bank ON financings FOR UPDATE USING (bank_id = caravan_organisation())');
    await db.query('ALTER TABLE financing_events ENABLE ROW LEVEL SECURITY');
    await db.query(
      'CREATE POLICY financing_events_read ON financing_events FOR SELECT USING (EXISTS (SELECT 1 FROM financings f WHERE f.id = financing_id))',
    );
    await db.query(`CREATE POLICY financing_events_bank ON financing_events FOR INSERT
      WITH CHECK (EXISTS (SELECT 1 FROM financings f WHERE f.id = financing_id AND f.bank_id = caravan_organisation()))`);
    await this.policyVersions(db);
    await this.simulatedBanks(db);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON financings, simulated_bank_payments, simulated_bank_faults TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON financing_events, financing_policy_versions TO ${APP_ROLE}`);
    await db.query(`GRANT USAGE ON SEQUENCE financing_ref_seq TO ${APP_ROLE}`);
  }

  private async policyVersions(db: QueryRunner): Promise<void> {
    // Sound tiers: at least one, each asking 1 to 5 approvals, bounded and ascending but the
    // last, which takes every larger amount.
    await db.query(`
      CREATE FUNCTION financing_tiers_sound(tiers jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
        SELECT jsonb_typeof(tiers) = 'array' AND jsonb_array_length(tiers) > 0
           AND NOT EXISTS (
             SELECT 1 FROM jsonb_array_elements(tiers) WITH ORDINALITY AS t(tier, n)
              WHERE jsonb_typeof(tier->'approvals') IS DISTINCT FROM 'number' OR (tier->>'approvals')::numeric NOT IN (1, 2, 3, 4, 5)
                 OR (n = jsonb_array_length(tiers)) <> (coalesce(tier->'upTo', 'null'::jsonb) = 'null'::jsonb))
           AND coalesce((SELECT bool_and(bound < next) FROM (
                 SELECT (tier->>'upTo')::numeric AS bound, lead((tier->>'upTo')::numeric) OVER (ORDER BY n) AS next
                   FROM jsonb_array_elements(tiers) WITH ORDINALITY AS t(tier, n)) b WHERE next IS NOT NULL), true)
      $$`);
    await db.query(`
      CREATE TABLE financing_policy_versions (
        bank_id uuid NOT NULL DEFAULT caravan_organisation() REFERENCES organisations (id),
        version integer NOT NULL CHECK (version > 0),
        tiers jsonb NOT NULL CONSTRAINT financing_policy_tiers_sound CHECK (financing_tiers_sound(tiers)),
        deadlines jsonb NOT NULL,
        max_advance_rate numeric(5, 4) NOT NULL CHECK (max_advance_rate > 0 AND max_advance_rate <= 1),
        max_ltv numeric(5, 4) NOT NULL CHECK (max_ltv > 0 AND max_ltv <= 1),
        maintenance_ltv numeric(5, 4) NOT NULL CHECK (maintenance_ltv >= max_ltv AND maintenance_ltv <= 1),
        allocation_order jsonb NOT NULL,
        pricing jsonb NOT NULL,
        effective_from timestamptz NOT NULL,
        proposed_by text NOT NULL,
        approved_by text NOT NULL,
        request_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (bank_id, version),
        CONSTRAINT financing_policy_four_eyes CHECK (approved_by <> proposed_by)
      )`);
    // a policy set before four eyes becomes version 1 when its tiers are sound; else the default applies
    await db.query(`
      INSERT INTO financing_policy_versions (bank_id, version, tiers, deadlines, max_advance_rate, max_ltv, maintenance_ltv, allocation_order, pricing,
                                             effective_from, proposed_by, approved_by)
      SELECT bank_id, 1, tiers, deadlines, max_advance_rate, max_ltv, maintenance_ltv, allocation_order, pricing, updated_at,
             'unrecorded (set before four eyes)', 'unrecorded (no second person)'
        FROM financing_policies WHERE financing_tiers_sound(tiers)`);
    await db.query('DROP TABLE financing_policies');
    await db.query('ALTER TABLE financing_policy_versions ENABLE ROW LEVEL SECURITY');
    await db.query('CREATE POLICY financing_policy_versions_bank ON financing_policy_versions USING (bank_id = caravan_organisation())');
    await db.query('CREATE POLICY financing_policy_versions_read_all ON financing_policy_versions FOR SELECT USING (caravan_reads_all())');
  }

  private async simulatedBanks(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE simulated_bank_payments ADD COLUMN bank_id uuid REFERENCES organisations (id)');
    await db.query(
      `UPDATE simulated_bank_payments p SET bank_id = f.bank_id FROM financings f WHERE f.ref = split_part(p.instruction_id, '/', 1)`,
    );
    // payments people registered by hand, which no bank instructed
    await db.query('DELETE FROM simulated_bank_payments WHERE bank_id IS NULL');
    await db.query(
      'ALTER TABLE simulated_bank_payments ALTER COLUMN bank_id SET NOT NULL, ALTER COLUMN bank_id SET DEFAULT caravan_organisation()',
    );
    await db.query(
      'ALTER TABLE simulated_bank_payments DROP CONSTRAINT simulated_bank_payments_pkey, ADD PRIMARY KEY (bank_id, instruction_id)',
    );
    await db.query('ALTER TABLE simulated_bank_payments ENABLE ROW LEVEL SECURITY');
    await db.query('CREATE POLICY simulated_bank_payments_bank ON simulated_bank_payments USING (bank_id = caravan_organisation())');
    await db.query('CREATE POLICY simulated_bank_payments_read_all ON simulated_bank_payments FOR SELECT USING (caravan_reads_all())');
    await db.query('DROP TABLE simulated_bank_faults');
    await db.query(`
      CREATE TABLE simulated_bank_faults (
        bank_id uuid PRIMARY KEY REFERENCES organisations (id),
        fail_next integer NOT NULL DEFAULT 0 CHECK (fail_next >= 0),
        delay_ms integer NOT NULL DEFAULT 0 CHECK (delay_ms >= 0)
      )`);
  }

  async down(): Promise<void> {
    throw new Error('ManyBanks1764146300000 cannot be undone: versions and per-bank payments do not fold back');
  }
}
