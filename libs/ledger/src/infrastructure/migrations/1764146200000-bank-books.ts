import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * Each bank keeps its own books: an entry belongs to the bank whose transaction posted it, and
 * row-level security shows a bank its own entries, lines and balances only (the operator's
 * readers all of them, to read). Entries say who posted them, and who approved a reversal.
 * The apps may add entries and read them, nothing more: balances are kept by a trigger that
 * runs as the tables' owner.
 */
export class BankBooks1764146200000 implements MigrationInterface {
  name = 'BankBooks1764146200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE journal_entries ADD COLUMN bank_id uuid REFERENCES organisations (id)');
    await db.query('ALTER TABLE journal_entries ADD COLUMN posted_by text');
    await db.query('ALTER TABLE journal_entries ADD COLUMN posted_by_user uuid');
    await db.query('ALTER TABLE journal_entries ADD COLUMN approved_by text');
    await db.query('ALTER TABLE journal_entries ADD COLUMN approved_by_user uuid');
    // Entries so far were all posted by financing workflows; reversals by a person whose name was not kept.
    await db.query('ALTER TABLE journal_entries DISABLE TRIGGER journal_entries_append_only');
    await db.query(`
      UPDATE journal_entries e SET bank_id = f.bank_id,
             posted_by = CASE WHEN e.reverses_entry_id IS NULL THEN 'system:financing-workflow' ELSE 'unrecorded' END
        FROM financings f WHERE f.ref = e.financing_ref`);
    await db.query('ALTER TABLE journal_entries ENABLE TRIGGER journal_entries_append_only');
    await db.query(
      'ALTER TABLE journal_entries ALTER COLUMN bank_id SET NOT NULL, ALTER COLUMN bank_id SET DEFAULT caravan_organisation()',
    );
    await db.query('ALTER TABLE journal_entries ALTER COLUMN posted_by SET NOT NULL');
    await db.query('CREATE INDEX journal_entries_bank ON journal_entries (bank_id, posted_at)');

    await db.query('ALTER TABLE ledger_balances ADD COLUMN bank_id uuid');
    await db.query('DELETE FROM ledger_balances');
    await db.query('ALTER TABLE ledger_balances DROP CONSTRAINT ledger_balances_pkey');
    await db.query('ALTER TABLE ledger_balances ALTER COLUMN bank_id SET NOT NULL, ADD PRIMARY KEY (bank_id, account_code, financing_ref)');
    await db.query(`
      INSERT INTO ledger_balances (bank_id, account_code, financing_ref, debits, credits)
      SELECT e.bank_id, l.account_code, l.financing_ref, sum(l.debit), sum(l.credit)
        FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id GROUP BY 1, 2, 3`);
    await db.query(`
      CREATE OR REPLACE FUNCTION journal_lines_to_balances() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        INSERT INTO ledger_balances (bank_id, account_code, financing_ref, debits, credits)
        SELECT e.bank_id, NEW.account_code, NEW.financing_ref, NEW.debit, NEW.credit FROM journal_entries e WHERE e.id = NEW.entry_id
        ON CONFLICT (bank_id, account_code, financing_ref)
        DO UPDATE SET debits = ledger_balances.debits + NEW.debit, credits = ledger_balances.credits + NEW.credit;
        RETURN NULL;
      END $$`);
    // the balance check sees every line of the entry, whatever the caller may see
    await db.query('ALTER FUNCTION journal_entry_balanced() SECURITY DEFINER SET search_path = public');

    await db.query('ALTER TABLE journal_entries ENABLE ROW LEVEL SECURITY');
    await db.query('CREATE POLICY journal_entries_bank ON journal_entries USING (bank_id = caravan_organisation())');
    await db.query('CREATE POLICY journal_entries_read_all ON journal_entries FOR SELECT USING (caravan_reads_all())');
    await db.query('ALTER TABLE journal_lines ENABLE ROW LEVEL SECURITY');
    await db.query(
      'CREATE POLICY journal_lines_read ON journal_lines FOR SELECT USING (EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = entry_id))',
    );
    await db.query(`CREATE POLICY journal_lines_add ON journal_lines FOR INSERT
      WITH CHECK (EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = entry_id AND e.bank_id = caravan_organisation()))`);
    await db.query('ALTER TABLE ledger_balances ENABLE ROW LEVEL SECURITY');
    await db.query(
      'CREATE POLICY ledger_balances_bank ON ledger_balances FOR SELECT USING (bank_id = caravan_organisation() OR caravan_reads_all())',
    );

    await db.query(`GRANT SELECT ON ledger_accounts, ledger_balances TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT ON journal_entries, journal_lines TO ${APP_ROLE}`);
  }

  async down(): Promise<void> {
    throw new Error('BankBooks1764146200000 cannot be undone: the books of several banks do not fold back into one');
  }
}
