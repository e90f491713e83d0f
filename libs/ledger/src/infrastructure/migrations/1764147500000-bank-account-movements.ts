import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What moves a bank's own accounts besides its loans: the charges its bank takes, the interest
 * the account earns, and differences a person wrote off. Charges and differences are expenses,
 * a kind the chart did not have.
 */
export class BankAccountMovements1764147500000 implements MigrationInterface {
  name = 'BankAccountMovements1764147500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check,
      ADD CONSTRAINT ledger_accounts_kind_check CHECK (kind IN ('ASSET', 'LIABILITY', 'INCOME', 'EXPENSE', 'EQUITY'))`);
    await db.query(`INSERT INTO ledger_accounts (code, name, kind) VALUES
      ('BANK_CHARGES', 'Bank charges', 'EXPENSE'),
      ('BANK_INTEREST', 'Interest received on bank accounts', 'INCOME'),
      ('RECONCILIATION_DIFFERENCES', 'Reconciliation differences written off', 'EXPENSE')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM ledger_accounts WHERE code IN ('BANK_CHARGES', 'BANK_INTEREST', 'RECONCILIATION_DIFFERENCES')`);
    await db.query(`ALTER TABLE ledger_accounts DROP CONSTRAINT ledger_accounts_kind_check,
      ADD CONSTRAINT ledger_accounts_kind_check CHECK (kind IN ('ASSET', 'LIABILITY', 'INCOME', 'EQUITY'))`);
  }
}
