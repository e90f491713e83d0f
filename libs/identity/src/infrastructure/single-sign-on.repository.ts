import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SingleSignOnSettings } from '../domain/single-sign-on';
import type { FlowChecks } from './openid-connect';

export interface StoredSettings extends SingleSignOnSettings {
  organisationId: string;
  /** Sealed (secret-box.ts); null for a public client. */
  clientSecret: string | null;
  version: number;
}

export interface Attempt extends FlowChecks {
  organisationId: string;
  redirectUri: string;
}

const SETTINGS = `organisation_id AS "organisationId", issuer, client_id AS "clientId", client_secret AS "clientSecret", scope,
  groups_claim AS "groupsClaim", redirect_uris AS "redirectUris", groups, version`;

const digest = (state: string) => createHash('sha256').update(state).digest('hex');

export async function findSettings(em: EntityManager, organisationId: string): Promise<StoredSettings | undefined> {
  const [row] = await em.query(`SELECT ${SETTINGS} FROM organisation_sso WHERE organisation_id = $1`, [organisationId]);
  return row;
}

/** The new settings, one version on from the last (the first is 1). */
export async function saveSettings(em: EntityManager, s: Omit<StoredSettings, 'version'>, approvedBy: string): Promise<StoredSettings> {
  const [row] = await em.query(
    `INSERT INTO organisation_sso (organisation_id, issuer, client_id, client_secret, scope, groups_claim, redirect_uris, groups, version, approved_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)
     ON CONFLICT (organisation_id) DO UPDATE SET issuer = EXCLUDED.issuer, client_id = EXCLUDED.client_id, client_secret = EXCLUDED.client_secret,
       scope = EXCLUDED.scope, groups_claim = EXCLUDED.groups_claim, redirect_uris = EXCLUDED.redirect_uris, groups = EXCLUDED.groups,
       version = organisation_sso.version + 1, approved_by = EXCLUDED.approved_by, updated_at = now()
     RETURNING ${SETTINGS}`,
    [s.organisationId, s.issuer, s.clientId, s.clientSecret, s.scope, s.groupsClaim, s.redirectUris, JSON.stringify(s.groups), approvedBy],
  );
  return row;
}

/** The organisations whose officers sign in through their own provider: a public list, as the directory is. */
export function findProviders(em: EntityManager): Promise<Array<{ organisationId: string; name: string }>> {
  return em.query(
    `SELECT o.id AS "organisationId", o.name FROM organisation_sso s JOIN organisations o ON o.id = s.organisation_id ORDER BY o.name, o.id`,
  );
}

export async function insertAttempt(em: EntityManager, attempt: Attempt, ttlSeconds: number): Promise<void> {
  await em.query(`DELETE FROM sso_attempts WHERE expires_at < now()`);
  await em.query(
    `INSERT INTO sso_attempts (state_hash, organisation_id, code_verifier, nonce, redirect_uri, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))`,
    [digest(attempt.state), attempt.organisationId, attempt.codeVerifier, attempt.nonce, attempt.redirectUri, ttlSeconds],
  );
}

/** The attempt a state names, taken once: a second use of the same state finds nothing. */
export async function takeAttempt(em: EntityManager, state: string): Promise<Attempt | undefined> {
  const [[row]] = await em.query(
    `DELETE FROM sso_attempts WHERE state_hash = $1 AND expires_at >= now()
     RETURNING organisation_id AS "organisationId", code_verifier AS "codeVerifier", nonce, redirect_uri AS "redirectUri"`,
    [digest(state)],
  );
  return row && { ...row, state };
}
