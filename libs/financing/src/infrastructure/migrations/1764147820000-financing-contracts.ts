import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * A bank's financing contract, a PDF, in versions: uploaded by one person, in force once a
 * second person adopted it, never changed after (only the adoption columns may be written,
 * once). The contract an SME accepted is kept with its financing: the version and its sha256,
 * who accepted and when; the key to the version makes the kept hash the version's own.
 */
export class FinancingContracts1764147820000 implements MigrationInterface {
  name = 'FinancingContracts1764147820000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE financing_contract_templates (
        bank_id uuid NOT NULL DEFAULT caravan_organisation() REFERENCES organisations (id),
        version integer NOT NULL CHECK (version > 0),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        size integer NOT NULL CHECK (size > 0 AND size <= 5242880),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        content bytea NOT NULL CHECK (octet_length(content) = size AND substring(content FROM 1 FOR 5) = '\\x255044462d'::bytea),
        uploaded_by text NOT NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        request_id uuid,
        adopted_by text,
        adopted_at timestamptz,
        PRIMARY KEY (bank_id, version),
        UNIQUE (bank_id, version, sha256),
        CONSTRAINT financing_contract_adopted CHECK ((adopted_by IS NULL) = (adopted_at IS NULL)),
        CONSTRAINT financing_contract_four_eyes CHECK (adopted_by <> uploaded_by)
      )`);
    await db.query('ALTER TABLE financing_contract_templates ENABLE ROW LEVEL SECURITY');
    await db.query(`CREATE POLICY financing_contract_templates_read ON financing_contract_templates FOR SELECT
      USING (bank_id = caravan_organisation() OR caravan_reads_all())`);
    await db.query(`CREATE POLICY financing_contract_templates_upload ON financing_contract_templates FOR INSERT
      WITH CHECK (bank_id = caravan_organisation())`);
    await db.query(`CREATE POLICY financing_contract_templates_adopt ON financing_contract_templates FOR UPDATE
      USING (bank_id = caravan_organisation() AND adopted_by IS NULL) WITH CHECK (bank_id = caravan_organisation())`);
    await db.query(`GRANT SELECT, INSERT, UPDATE (adopted_by, adopted_at, request_id) ON financing_contract_templates TO ${APP_ROLE}`);

    await db.query(`
      CREATE TABLE financing_contracts (
        financing_id uuid PRIMARY KEY REFERENCES financings (id),
        bank_id uuid NOT NULL,
        version integer NOT NULL,
        sha256 text NOT NULL,
        accepted_by uuid NOT NULL,
        accepted_by_name text NOT NULL,
        accepted_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (bank_id, version, sha256) REFERENCES financing_contract_templates (bank_id, version, sha256)
      )`);
    await db.query('ALTER TABLE financing_contracts ENABLE ROW LEVEL SECURITY');
    await db.query(`CREATE POLICY financing_contracts_read ON financing_contracts FOR SELECT
      USING (EXISTS (SELECT 1 FROM financings f WHERE f.id = financing_contracts.financing_id))`);
    await db.query(`CREATE POLICY financing_contracts_accept ON financing_contracts FOR INSERT
      WITH CHECK (EXISTS (SELECT 1 FROM financings f WHERE f.id = financing_contracts.financing_id AND f.sme_id = caravan_organisation() AND f.bank_id = financing_contracts.bank_id))`);
    await db.query(`GRANT SELECT, INSERT ON financing_contracts TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE financing_contracts');
    await db.query('DROP TABLE financing_contract_templates');
  }
}
