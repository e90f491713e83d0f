import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The documents behind a receivable (invoice scans, waybills), kept with it in the database. */
export class ReceivableDocuments1764145100000 implements MigrationInterface {
  name = 'ReceivableDocuments1764145100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE receivable_documents (
        id uuid PRIMARY KEY,
        receivable_id uuid NOT NULL REFERENCES receivables (id),
        name text NOT NULL,
        content_type text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        -- the same file twice on one receivable is one document
        CONSTRAINT receivable_documents_once UNIQUE (receivable_id, sha256)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE receivable_documents');
  }
}
