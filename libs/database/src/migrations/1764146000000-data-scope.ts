import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../roles';

/**
 * The two questions row-level security policies ask of a transaction: whose is it, and may it
 * read everything (ScopedDatabase sets both). Unset, the answers are "nobody" and "no". The
 * apps may read which migrations ran, to refuse a schema older than themselves.
 */
export class DataScope1764146000000 implements MigrationInterface {
  name = 'DataScope1764146000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION caravan_organisation() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT nullif(current_setting('caravan.organisation', true), '')::uuid $$`);
    await db.query(`
      CREATE FUNCTION caravan_reads_all() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT coalesce(current_setting('caravan.reads_all', true), '') = 'on' $$`);
    await db.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON migrations FROM ${APP_ROLE}`);
    await db.query('DROP FUNCTION caravan_reads_all, caravan_organisation');
  }
}
