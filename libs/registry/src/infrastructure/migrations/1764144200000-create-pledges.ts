import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePledges1764144200000 implements MigrationInterface {
  name = 'CreatePledges1764144200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE pledges (
        id uuid PRIMARY KEY,
        asset_type text NOT NULL CHECK (asset_type IN ('RECEIVABLE', 'WAREHOUSE_RECEIPT')),
        asset_id uuid NOT NULL,
        pledgee_id uuid NOT NULL REFERENCES organisations (id),
        pledgor_id uuid NOT NULL REFERENCES organisations (id),
        financing_ref text NOT NULL,
        status text NOT NULL CHECK (status IN ('LIVE', 'DISCHARGED')),
        pledged_at timestamptz NOT NULL,
        pledged_by uuid NOT NULL,
        discharged_at timestamptz,
        discharged_by uuid,
        CONSTRAINT pledges_discharge_complete CHECK ((status = 'DISCHARGED') = (discharged_at IS NOT NULL))
      )`);
    // PRODUCT.md invariant 3, held by the database: at most one live pledge per asset,
    // whatever the concurrency; the losers of a race get a unique violation.
    await db.query(`CREATE UNIQUE INDEX pledges_one_live_per_asset ON pledges (asset_type, asset_id) WHERE status = 'LIVE'`);
    await db.query('CREATE INDEX pledges_asset_history ON pledges (asset_type, asset_id, pledged_at)');
    await db.query(`CREATE INDEX pledges_pledgee_live ON pledges (pledgee_id) WHERE status = 'LIVE'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE pledges');
  }
}
