import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStatements1764144800000 implements MigrationInterface {
  name = 'CreateStatements1764144800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bank_statements (
        id uuid PRIMARY KEY,
        account text NOT NULL,
        format text NOT NULL,
        bank_statement_id text NOT NULL,
        period_from date,
        period_to date,
        currency char(3) NOT NULL,
        opening_balance numeric(20, 2),
        closing_balance numeric(20, 2),
        -- banks reuse statement ids: a repeat is recognised by account and content
        content_hash text NOT NULL,
        entries integer NOT NULL,
        new_lines integer NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        imported_by uuid NOT NULL,
        CONSTRAINT bank_statements_once UNIQUE (account, content_hash)
      )`);
    await db.query(`
      CREATE TABLE statement_lines (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        statement_id uuid NOT NULL REFERENCES bank_statements (id),
        account text NOT NULL,
        position integer NOT NULL,
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        direction text NOT NULL CHECK (direction IN ('CRDT', 'DBIT')),
        reversal boolean NOT NULL,
        booking_date date,
        value_date date,
        bank_reference text,
        end_to_end_id text,
        counterparty_name text,
        counterparty_account text,
        remittance text,
        -- the same booking in two overlapping statements is one line
        fingerprint text NOT NULL,
        match_status text NOT NULL DEFAULT 'UNMATCHED' CHECK (match_status IN ('UNMATCHED', 'MATCHED')),
        CONSTRAINT statement_lines_once UNIQUE (account, fingerprint)
      )`);
    await db.query(`CREATE INDEX statement_lines_unmatched ON statement_lines (end_to_end_id) WHERE match_status = 'UNMATCHED'`);
    // What the platform expects to see on a statement: each payment it instructs, each payment it awaits.
    await db.query(`
      CREATE TABLE expected_movements (
        id uuid PRIMARY KEY,
        financing_ref text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('DISBURSEMENT', 'PAYOUT', 'REPAYMENT')),
        end_to_end_id text NOT NULL CONSTRAINT expected_movements_once UNIQUE,
        direction text NOT NULL CHECK (direction IN ('CRDT', 'DBIT')),
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        currency char(3) NOT NULL,
        value_from date,
        value_to date,
        counterparty text,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'MATCHED')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE statement_matches (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        line_id bigint NOT NULL CONSTRAINT statement_matches_line_once UNIQUE REFERENCES statement_lines (id),
        expected_id uuid NOT NULL REFERENCES expected_movements (id),
        method text NOT NULL,
        confidence numeric(3, 2) NOT NULL,
        matched_at timestamptz NOT NULL DEFAULT now(),
        matched_by text NOT NULL
      )`);
    await db.query('CREATE INDEX statement_lines_end_to_end ON statement_lines (end_to_end_id) WHERE end_to_end_id IS NOT NULL');
    await db.query('CREATE INDEX statement_lines_statement ON statement_lines (statement_id, position)');
    await db.query(`
      CREATE TABLE csv_mappings (
        account text PRIMARY KEY,
        mapping jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE statement_matches, expected_movements, csv_mappings, statement_lines, bank_statements');
  }
}
