import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** A key is claimed, completed, and let go again when its request failed before any effect. */
export class IdempotencyPrivileges1764146100000 implements MigrationInterface {
  name = 'IdempotencyPrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON idempotency_keys FROM ${APP_ROLE}`);
  }
}
