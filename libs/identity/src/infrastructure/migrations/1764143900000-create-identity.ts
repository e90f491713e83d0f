import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1764143900000 implements MigrationInterface {
  name = 'CreateIdentity1764143900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('SME','CORE_ENTERPRISE','CUSTODIAN','BANK','OPERATOR')),
        name text NOT NULL,
        credit_code text NOT NULL CONSTRAINT organisations_credit_code_unique UNIQUE,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        email text NOT NULL CONSTRAINT users_email_unique UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        approval_authority numeric(20, 2) CHECK (approval_authority > 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL
      )`);
    await db.query('CREATE INDEX users_organisation ON users (organisation_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE users');
    await db.query('DROP TABLE organisations');
  }
}
