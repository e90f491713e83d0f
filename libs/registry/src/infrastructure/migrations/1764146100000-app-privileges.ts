import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** Pledges are registered and discharged (an update), never deleted. */
export class RegistryPrivileges1764146100000 implements MigrationInterface {
  name = 'RegistryPrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT, UPDATE ON pledges TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON pledges FROM ${APP_ROLE}`);
  }
}
