import type { EntityManager } from 'typeorm';

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
