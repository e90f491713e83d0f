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
        CONSTRAINT statement_lines_once UNIQUE (account, fingerprint)
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
    await db.query('DROP TABLE csv_mappings, statement_lines, bank_statements');
  }
}
