import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is awaited, read by people: a bank account gets the name payers write as its holder
 * (户名) on their transfer, and a financing's expected movements are found by its reference.
 */
export class AwaitedForPeople1764147420000 implements MigrationInterface {
  name = 'AwaitedForPeople1764147420000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE bank_accounts ADD COLUMN name text CHECK (length(name) BETWEEN 1 AND 140)');
    await db.query('CREATE INDEX expected_movements_financing ON expected_movements (bank_id, financing_ref)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX expected_movements_financing');
    await db.query('ALTER TABLE bank_accounts DROP COLUMN name');
  }
}
