import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * A bank's standing rules for what its own accounts show besides loans (its bank's charges,
 * interest the account earns): a line with the rule's bank transaction code, or with its text,
 * is explained by a posting to the rule's ledger account. Lines keep the bank's transaction
 * code (camt's BkTxCd, MT940's type code) for the rules to read. A rule takes two people.
 */
export class StatementRules1764147600000 implements MigrationInterface {
  name = 'StatementRules1764147600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE statement_lines ADD COLUMN bank_transaction_code text');
    await db.query(`
      CREATE TABLE statement_rules (
        id uuid PRIMARY KEY,
        bank_id uuid NOT NULL DEFAULT caravan_organisation() REFERENCES organisations (id),
        account text NOT NULL,
        name text NOT NULL,
        bank_transaction_code text,
        text_contains text,
        direction text CHECK (direction IN ('CRDT', 'DBIT')),
        ledger_account text NOT NULL REFERENCES ledger_accounts (code)
          CHECK (ledger_account IN ('BANK_CHARGES', 'BANK_INTEREST')),
        requested_by text NOT NULL,
        approved_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (bank_transaction_code IS NOT NULL OR text_contains IS NOT NULL),
        FOREIGN KEY (bank_id, account) REFERENCES bank_accounts (bank_id, account)
      )`);
    await db.query('CREATE INDEX statement_rules_account ON statement_rules (bank_id, account)');
    await db.query('ALTER TABLE statement_rules ENABLE ROW LEVEL SECURITY');
    await db.query('CREATE POLICY statement_rules_bank ON statement_rules USING (bank_id = caravan_organisation())');
    await db.query('CREATE POLICY statement_rules_read_all ON statement_rules FOR SELECT USING (caravan_reads_all())');
    await db.query(`GRANT SELECT, INSERT ON statement_rules TO ${APP_ROLE}`);
    await db.query(`ALTER TABLE match_decisions DROP CONSTRAINT match_decisions_method_check,
      ADD CONSTRAINT match_decisions_method_check
      CHECK (method IN ('END_TO_END', 'AMOUNT_DATE_COUNTERPARTY', 'MANY_TO_ONE', 'ONE_TO_MANY', 'MANUAL', 'WRITE_OFF', 'RULE'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE match_decisions DROP CONSTRAINT match_decisions_method_check,
      ADD CONSTRAINT match_decisions_method_check
      CHECK (method IN ('END_TO_END', 'AMOUNT_DATE_COUNTERPARTY', 'MANY_TO_ONE', 'ONE_TO_MANY', 'MANUAL', 'WRITE_OFF'))`);
    await db.query('DROP TABLE statement_rules');
    await db.query('ALTER TABLE statement_lines DROP COLUMN bank_transaction_code');
  }
}
