import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * A person's account over its life: deactivated and reactivated, its password changed or
 * reset by a one-time code, its sessions revoked (every token names the session version it
 * was issued under); and failed logins counted per account and per address, to slow a guesser.
 */
export class AccountLifecycle1764146700000 implements MigrationInterface {
  name = 'AccountLifecycle1764146700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0');
    await db.query('ALTER TABLE users ADD COLUMN password_changed_at timestamptz');
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id),
        -- the code's digest: the code itself is shown once, to the admin who asked for it
        code_hash text NOT NULL CONSTRAINT password_resets_code_unique UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE login_throttles (
        key text PRIMARY KEY,
        failures integer NOT NULL CHECK (failures > 0),
        locked_until timestamptz,
        last_failure timestamptz NOT NULL
      )`);
    await db.query(`GRANT UPDATE ON users TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON password_resets TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttles TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE login_throttles, password_resets');
    await db.query('ALTER TABLE users DROP COLUMN password_changed_at, DROP COLUMN session_version');
  }
}
