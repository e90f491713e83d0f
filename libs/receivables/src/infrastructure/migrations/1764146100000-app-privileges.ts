import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** Receivables change state; dilutions and documents are only ever added. */
export class ReceivablePrivileges1764146100000 implements MigrationInterface {
  name = 'ReceivablePrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT, UPDATE ON receivables TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON receivable_dilutions, receivable_documents TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON receivables, receivable_dilutions, receivable_documents FROM ${APP_ROLE}`);
  }
}
