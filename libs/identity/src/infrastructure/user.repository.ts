import type { EntityManager } from 'typeorm';
import type { Role } from '@caravan/access';

/** Whether the person may still hold a session, and which version of it; undefined for no such person. */
export async function findSessionState(
  em: EntityManager,
  userId: string,
): Promise<{ active: boolean; sessionVersion: number } | undefined> {
  const [row] = await em.query('SELECT active, session_version FROM users WHERE id = $1', [userId]);
  return row && { active: row.active, sessionVersion: row.session_version };
}

/** Takes a one-time code's time step (and stores the seed as given), only past the last step taken; whether it was. */
export async function takeTimeStep(em: EntityManager, userId: string, step: number, seed: string | null): Promise<boolean> {
  const [[taken]] = await em.query(
    'UPDATE users SET totp_last_step = $2, totp_seed = $3 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
    [userId, step, seed],
  );
  return taken !== undefined;
}

export async function anyAdmin(em: EntityManager): Promise<boolean> {
  const admins = await em.query(`SELECT 1 FROM users WHERE 'ADMIN' = ANY (roles) LIMIT 1`);
  return admins.length > 0;
}

/** People by e-mail, in one statement (e-mails are stored lower-case). */
export async function findPeopleByEmail(
  em: EntityManager,
  emails: readonly string[],
): Promise<Array<{ email: string; displayName: string; organisationId: string; roles: Role[] }>> {
  return em.query(
    `SELECT email, display_name AS "displayName", organisation_id AS "organisationId", roles
       FROM users WHERE email = ANY ($1::text[])`,
    [emails.map((e) => e.toLowerCase())],
  );
}
