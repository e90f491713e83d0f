import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReceivables1764144000000 implements MigrationInterface {
  name = 'CreateReceivables1764144000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE receivables (
        id uuid PRIMARY KEY,
        creditor_id uuid NOT NULL REFERENCES organisations (id),
        debtor_id uuid NOT NULL REFERENCES organisations (id),
        invoice_number text NOT NULL,
        waybill_refs text[] NOT NULL DEFAULT '{}',
        issue_date date NOT NULL,
        due_date date NOT NULL,
        amount numeric(20, 2) NOT NULL,
        diluted_amount numeric(20, 2) NOT NULL DEFAULT 0,
        currency char(3) NOT NULL,
        status text NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT receivables_invoice_unique UNIQUE (creditor_id, debtor_id, invoice_number),
        CONSTRAINT receivables_amount_positive CHECK (amount > 0),
        CONSTRAINT receivables_dilution_within CHECK (diluted_amount >= 0 AND diluted_amount <= amount),
        CONSTRAINT receivables_due_after_issue CHECK (due_date >= issue_date),
        CONSTRAINT receivables_not_self CHECK (creditor_id <> debtor_id),
        CONSTRAINT receivables_status_known CHECK (status IN
          ('REGISTERED','SUBMITTED','CONFIRMED','DISPUTED','PLEDGED','SETTLED','WRITTEN_OFF','CANCELLED'))
      )`);
    await db.query('CREATE INDEX receivables_debtor_status ON receivables (debtor_id, status)');
    await db.query('CREATE INDEX receivables_creditor_status ON receivables (creditor_id, status)');
    await db.query(`
      CREATE TABLE receivable_dilutions (
        id uuid PRIMARY KEY,
        receivable_id uuid NOT NULL REFERENCES receivables (id),
        kind text NOT NULL CHECK (kind IN ('CREDIT_NOTE', 'RETURN')),
        reference text NOT NULL,
        amount numeric(20, 2) NOT NULL CHECK (amount > 0),
        reason text NOT NULL,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT receivable_dilutions_reference_unique UNIQUE (receivable_id, reference)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE receivable_dilutions');
    await db.query('DROP TABLE receivables');
  }
}
