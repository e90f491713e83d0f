import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/**
 * Banks' own OpenID Connect providers: each bank's settings (in force once a second operator
 * admin approved them), the sign-ins under way (state, nonce and PKCE verifier, used once),
 * and the provider identity a person signs in as, unique within the bank.
 */
export class SingleSignOn1764147000000 implements MigrationInterface {
  name = 'SingleSignOn1764147000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation_sso (
        organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
        issuer text NOT NULL CHECK (issuer ~ '^https?://'),
        client_id text NOT NULL CHECK (client_id <> ''),
        -- sealed (secret-box.ts); null for a public client (PKCE alone)
        client_secret text,
        scope text NOT NULL CHECK (scope ~ '(^| )openid( |$)'),
        groups_claim text NOT NULL,
        redirect_uris text[] NOT NULL CHECK (cardinality(redirect_uris) > 0),
        groups jsonb NOT NULL CHECK (jsonb_typeof(groups) = 'array'),
        version integer NOT NULL CHECK (version > 0),
        approved_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sso_attempts (
        -- the state's digest: the state itself travels only through the browser
        state_hash text PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        redirect_uri text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await db.query('ALTER TABLE users ADD COLUMN sso_issuer text, ADD COLUMN sso_subject text');
    await db.query('ALTER TABLE users ADD CONSTRAINT users_sso_identity UNIQUE (organisation_id, sso_issuer, sso_subject)');
    await db.query('ALTER TABLE users ADD CONSTRAINT users_sso_pair CHECK ((sso_issuer IS NULL) = (sso_subject IS NULL))');
    await db.query(`GRANT SELECT, INSERT, UPDATE ON organisation_sso TO ${APP_ROLE}`);
    await db.query(`GRANT SELECT, INSERT, DELETE ON sso_attempts TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE users DROP CONSTRAINT users_sso_pair, DROP CONSTRAINT users_sso_identity, DROP COLUMN sso_subject, DROP COLUMN sso_issuer',
    );
    await db.query('DROP TABLE sso_attempts, organisation_sso');
  }
}
