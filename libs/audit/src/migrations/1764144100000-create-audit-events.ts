import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditEvents1764144100000 implements MigrationInterface {
  name = 'CreateAuditEvents1764144100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id uuid,
        actor_organisation_id uuid,
        actor_label text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        -- set when the change may be retried (a workflow activity): the change happens once
        idempotency_key text CONSTRAINT audit_events_idempotency_key_unique UNIQUE
      )`);
    await db.query('CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id, id)');
    await db.query('CREATE INDEX audit_events_actor_org ON audit_events (actor_organisation_id, id)');
    // Append-only is a property of the database, not a habit of the code.
    await db.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE audit_events');
    await db.query('DROP FUNCTION audit_events_append_only');
  }
}
