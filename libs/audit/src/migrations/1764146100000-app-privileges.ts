import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** The trail is written and read, never changed: the apps hold no UPDATE, DELETE or TRUNCATE (the trigger refuses them anyway). */
export class AuditPrivileges1764146100000 implements MigrationInterface {
  name = 'AuditPrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT ON audit_events TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON audit_events FROM ${APP_ROLE}`);
  }
}
