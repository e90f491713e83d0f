import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A time-based one-time code (TOTP, RFC 6238) as a second factor: its seed sealed, the seed
 * being enrolled apart until confirmed, and the last time step used, so a code is taken once.
 */
export class SecondFactor1764146800000 implements MigrationInterface {
  name = 'SecondFactor1764146800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE users ADD COLUMN totp_seed text, ADD COLUMN totp_pending_seed text, ADD COLUMN totp_enabled_at timestamptz, ADD COLUMN totp_last_step bigint',
    );
    await db.query('ALTER TABLE users ADD CONSTRAINT users_totp_enabled CHECK ((totp_seed IS NULL) = (totp_enabled_at IS NULL))');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users DROP CONSTRAINT users_totp_enabled');
    await db.query(
      'ALTER TABLE users DROP COLUMN totp_last_step, DROP COLUMN totp_enabled_at, DROP COLUMN totp_pending_seed, DROP COLUMN totp_seed',
    );
  }
}
