import type { MigrationInterface, QueryRunner } from 'typeorm';

const ACCOUNTS: Array<[string, string, string]> = [
  ['LOAN_PRINCIPAL', 'Loan principal', 'ASSET'],
  ['INTEREST_RECEIVABLE', 'Interest receivable', 'ASSET'],
  ['PENALTY_RECEIVABLE', 'Penalty interest receivable', 'ASSET'],
  ['COLLECTION_ACCOUNT', 'Collection account', 'ASSET'],
  ['BANK_FUNDING', 'Bank funding account', 'ASSET'],
  ['SME_SETTLEMENT', 'SME settlement account', 'LIABILITY'],
  ['FEE_INCOME', 'Fee income', 'INCOME'],
  ['INTEREST_INCOME', 'Interest income', 'INCOME'],
  ['PENALTY_INCOME', 'Penalty interest income', 'INCOME'],
];

/** The accounts, entries and lines. */
async function tables(db: QueryRunner): Promise<void> {
  await db.query(`
    CREATE TABLE ledger_accounts (
      code text PRIMARY KEY,
      name text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('ASSET', 'LIABILITY', 'INCOME', 'EQUITY'))
    )`);
  for (const [code, name, kind] of ACCOUNTS) {
    await db.query('INSERT INTO ledger_accounts (code, name, kind) VALUES ($1, $2, $3)', [code, name, kind]);
  }
  await db.query(`
    CREATE TABLE journal_entries (
      id uuid PRIMARY KEY,
      idempotency_key text NOT NULL CONSTRAINT journal_entries_once UNIQUE,
      financing_ref text,
      kind text NOT NULL,
      description text NOT NULL,
      value_date date NOT NULL,
      currency char(3) NOT NULL,
      reverses_entry_id uuid CONSTRAINT journal_entries_reversed_once UNIQUE REFERENCES journal_entries (id),
      posted_at timestamptz NOT NULL DEFAULT now()
    )`);
  await db.query('CREATE INDEX journal_entries_financing ON journal_entries (financing_ref, posted_at)');
  await db.query(`
    CREATE TABLE journal_lines (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      entry_id uuid NOT NULL REFERENCES journal_entries (id),
      account_code text NOT NULL REFERENCES ledger_accounts (code),
      financing_ref text NOT NULL DEFAULT '',
      debit numeric(20, 2) NOT NULL DEFAULT 0,
      credit numeric(20, 2) NOT NULL DEFAULT 0,
      CONSTRAINT journal_lines_one_side CHECK (debit >= 0 AND credit >= 0 AND (debit = 0) <> (credit = 0))
    )`);
  await db.query('CREATE INDEX journal_lines_entry ON journal_lines (entry_id)');
}

async function balances(db: QueryRunner): Promise<void> {
  // Balances per account and financing, kept by trigger in the posting's own transaction.
  await db.query(`
    CREATE TABLE ledger_balances (
      account_code text NOT NULL REFERENCES ledger_accounts (code),
      financing_ref text NOT NULL,
      debits numeric(24, 2) NOT NULL DEFAULT 0,
      credits numeric(24, 2) NOT NULL DEFAULT 0,
      PRIMARY KEY (account_code, financing_ref)
    )`);
  await db.query(`
    CREATE FUNCTION journal_lines_to_balances() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO ledger_balances (account_code, financing_ref, debits, credits)
      VALUES (NEW.account_code, NEW.financing_ref, NEW.debit, NEW.credit)
      ON CONFLICT (account_code, financing_ref)
      DO UPDATE SET debits = ledger_balances.debits + NEW.debit, credits = ledger_balances.credits + NEW.credit;
      RETURN NULL;
    END $$`);
  await db.query(`
    CREATE TRIGGER journal_lines_balances AFTER INSERT ON journal_lines
    FOR EACH ROW EXECUTE FUNCTION journal_lines_to_balances()`);
}

async function balancedEntries(db: QueryRunner): Promise<void> {
  // Every entry balances: checked at commit, once all its lines are in (PRODUCT.md invariant 2).
  await db.query(`
    CREATE FUNCTION journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      entry uuid;
      lines integer;
      difference numeric;
    BEGIN
      IF TG_TABLE_NAME = 'journal_entries' THEN entry := NEW.id; ELSE entry := NEW.entry_id; END IF;
      SELECT count(*), coalesce(sum(debit), 0) - coalesce(sum(credit), 0) INTO lines, difference
        FROM journal_lines WHERE entry_id = entry;
      IF lines < 2 OR difference <> 0 THEN
        RAISE EXCEPTION 'journal entry % does not balance (% lines, debits − credits = %)', entry, lines, difference
          USING ERRCODE = 'check_violation';
      END IF;
      RETURN NULL;
    END $$`);
  await db.query(`
    CREATE CONSTRAINT TRIGGER journal_entries_balanced AFTER INSERT ON journal_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced()`);
  await db.query(`
    CREATE CONSTRAINT TRIGGER journal_lines_balanced AFTER INSERT ON journal_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_entry_balanced()`);
}

async function appendOnly(db: QueryRunner): Promise<void> {
  // Entries are never edited, only reversed.
  await db.query(`
    CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION '% is append-only: post a reversal instead (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END $$`);
  for (const table of ['journal_entries', 'journal_lines']) {
    await db.query(`
      CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only()`);
  }
}

export class CreateLedger1764144600000 implements MigrationInterface {
  name = 'CreateLedger1764144600000';

  async up(db: QueryRunner): Promise<void> {
    await tables(db);
    await balances(db);
    await balancedEntries(db);
    await appendOnly(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE ledger_balances, journal_lines, journal_entries, ledger_accounts');
    await db.query('DROP FUNCTION ledger_append_only, journal_entry_balanced, journal_lines_to_balances');
  }
}
