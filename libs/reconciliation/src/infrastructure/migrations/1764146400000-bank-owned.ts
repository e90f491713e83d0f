import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

const TABLES = [
  'bank_accounts',
  'csv_mappings',
  'bank_statements',
  'statement_lines',
  'expected_movements',
  'match_decisions',
  'match_links',
  'reconciliation_runs',
];

/**
 * Everything reconciliation keeps belongs to one bank: its accounts and their CSV layouts,
 * its statements and lines, what it awaits, its matches and runs. A row belongs to the bank
 * whose transaction wrote it (the column defaults to the transaction's organisation), keys
 * are unique within a bank (another bank cannot take an account's name, a statement's content
 * or a booking's fingerprint first), and row-level security shows a bank its own rows only.
 */
export class BankOwnedReconciliation1764146400000 implements MigrationInterface {
  name = 'BankOwnedReconciliation1764146400000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of TABLES) await db.query(`ALTER TABLE ${table} ADD COLUMN bank_id uuid REFERENCES organisations (id)`);
    await this.backfill(db);
    for (const table of TABLES) {
      await db.query(`ALTER TABLE ${table} ALTER COLUMN bank_id SET NOT NULL, ALTER COLUMN bank_id SET DEFAULT caravan_organisation()`);
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_bank ON ${table} USING (bank_id = caravan_organisation())`);
      await db.query(`CREATE POLICY ${table}_read_all ON ${table} FOR SELECT USING (caravan_reads_all())`);
    }
    await db.query('ALTER TABLE bank_accounts DROP CONSTRAINT bank_accounts_pkey, ADD PRIMARY KEY (bank_id, account)');
    await db.query('ALTER TABLE csv_mappings DROP CONSTRAINT csv_mappings_pkey, ADD PRIMARY KEY (bank_id, account)');
    await db.query(
      'ALTER TABLE bank_statements DROP CONSTRAINT bank_statements_once, ADD CONSTRAINT bank_statements_once UNIQUE (bank_id, account, content_hash)',
    );
    await db.query(
      'ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_once, ADD CONSTRAINT statement_lines_once UNIQUE (bank_id, account, fingerprint)',
    );
    await db.query(
      'ALTER TABLE expected_movements DROP CONSTRAINT expected_movements_once, ADD CONSTRAINT expected_movements_once UNIQUE (bank_id, end_to_end_id)',
    );
    await db.query(`GRANT SELECT, INSERT, UPDATE ON ${TABLES.filter((t) => t !== 'match_links').join(', ')} TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON match_links TO ${APP_ROLE}`);
    // a big import refreshes the planner's statistics of the lines (PostgreSQL 17 and later let the owner grant it)
    await db.query(
      `DO $$ BEGIN IF current_setting('server_version_num')::int >= 170000 THEN EXECUTE 'GRANT MAINTAIN ON statement_lines TO ${APP_ROLE}'; END IF; END $$`,
    );
  }

  /** Rows from before: each goes to the bank of the person who wrote it, or of its financing. */
  private async backfill(db: QueryRunner): Promise<void> {
    await db.query('UPDATE bank_accounts a SET bank_id = u.organisation_id FROM users u WHERE u.id = a.updated_by');
    await db.query('UPDATE csv_mappings m SET bank_id = u.organisation_id FROM users u WHERE u.id = m.updated_by');
    await db.query('UPDATE bank_statements s SET bank_id = u.organisation_id FROM users u WHERE u.id = s.imported_by');
    await db.query('UPDATE statement_lines l SET bank_id = s.bank_id FROM bank_statements s WHERE s.id = l.statement_id');
    await db.query('UPDATE expected_movements e SET bank_id = f.bank_id FROM financings f WHERE f.ref = e.financing_ref');
    await db.query('UPDATE match_links k SET bank_id = l.bank_id FROM statement_lines l WHERE l.id = k.line_id');
    await db.query('UPDATE match_decisions d SET bank_id = k.bank_id FROM match_links k WHERE k.decision_id = d.id');
    await db.query('UPDATE reconciliation_runs r SET bank_id = u.organisation_id FROM users u WHERE u.email = r.started_by');
    // platform-wide daily runs belonged to no bank: their progress records go (the decisions stay)
    await db.query('DELETE FROM reconciliation_runs WHERE bank_id IS NULL');
    // references compare as the payer may type them: upper case, no spaces (matching's referenceKey)
    await db.query(`UPDATE expected_movements SET reference = upper(regexp_replace(reference, '\\s+', '', 'g'))`);
  }

  async down(): Promise<void> {
    throw new Error('BankOwnedReconciliation1764146400000 cannot be undone: several banks’ rows do not fold back into one');
  }
}
