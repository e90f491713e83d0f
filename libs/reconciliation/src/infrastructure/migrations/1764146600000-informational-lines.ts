import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Banks send zero bookings (a verification entry, a fee waived): kept, as information, and
 * never matched, counted or queued as an exception.
 */
export class InformationalLines1764146600000 implements MigrationInterface {
  name = 'InformationalLines1764146600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_amount_check, ADD CONSTRAINT statement_lines_amount_check CHECK (amount >= 0)',
    );
    await db.query(`ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_match_status_check,
      ADD CONSTRAINT statement_lines_match_status_check CHECK (match_status IN ('UNMATCHED', 'MATCHED', 'WRITTEN_OFF', 'INFORMATIONAL'))`);
    await db.query(
      `ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_zero_is_information CHECK ((amount = 0) = (match_status = 'INFORMATIONAL'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_zero_is_information');
    await db.query(`ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_match_status_check,
      ADD CONSTRAINT statement_lines_match_status_check CHECK (match_status IN ('UNMATCHED', 'MATCHED', 'WRITTEN_OFF'))`);
    await db.query(
      'ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_amount_check, ADD CONSTRAINT statement_lines_amount_check CHECK (amount > 0)',
    );
  }
}
