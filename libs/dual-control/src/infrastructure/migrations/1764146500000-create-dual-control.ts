import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * Requests for changes that need a second person. Four eyes hold in the database too: the
 * person deciding is never the person asking, and one organisation's requests are its own.
 */
export class CreateDualControl1764146500000 implements MigrationInterface {
  name = 'CreateDualControl1764146500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE dual_control_requests (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL DEFAULT caravan_organisation() REFERENCES organisations (id),
        kind text NOT NULL,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        reason text,
        status text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'FAILED')),
        requested_by uuid NOT NULL,
        requested_by_name text NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by uuid,
        decided_by_name text,
        decided_at timestamptz,
        comment text,
        completed_at timestamptz,
        result jsonb,
        CONSTRAINT dual_control_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
        CONSTRAINT dual_control_decided CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CONSTRAINT dual_control_approved_by_checker CHECK (status NOT IN ('APPROVED', 'FAILED') OR decided_by IS NOT NULL)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX dual_control_one_pending ON dual_control_requests (organisation_id, kind, subject) WHERE status = 'PENDING'`,
    );
    await db.query('CREATE INDEX dual_control_queue ON dual_control_requests (organisation_id, status, requested_at)');
    await db.query('ALTER TABLE dual_control_requests ENABLE ROW LEVEL SECURITY');
    await db.query(`CREATE POLICY dual_control_own ON dual_control_requests USING (organisation_id = caravan_organisation())`);
    await db.query(`CREATE POLICY dual_control_read_all ON dual_control_requests FOR SELECT USING (caravan_reads_all())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON dual_control_requests TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE dual_control_requests');
  }
}
