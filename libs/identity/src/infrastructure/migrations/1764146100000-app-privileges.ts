import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** What the apps may do with organisations and people: onboard and read, never delete. */
export class IdentityPrivileges1764146100000 implements MigrationInterface {
  name = 'IdentityPrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT ON organisations, users TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON organisations, users FROM ${APP_ROLE}`);
  }
}
