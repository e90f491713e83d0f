import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** Limits and reservations are set, used and released (updates), never deleted. */
export class LimitsPrivileges1764146100000 implements MigrationInterface {
  name = 'LimitsPrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT, UPDATE ON credit_limits, limit_reservations TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON credit_limits, limit_reservations FROM ${APP_ROLE}`);
  }
}
