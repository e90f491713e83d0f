import type { EntityManager } from 'typeorm';
import { FORGET_AFTER_SECONDS, lockSeconds } from '../domain/login-throttle';

/** The longest wait still owed by any of these keys, in seconds (0: none). */
export async function lockedFor(em: EntityManager, keys: string[]): Promise<number> {
  const [row] = await em.query(
    `SELECT coalesce(ceil(extract(epoch FROM max(locked_until) - now())), 0)::int AS seconds FROM login_throttles WHERE key = ANY($1) AND locked_until > now()`,
    [keys],
  );
  return row.seconds;
}

/** One more failure under `key`; the count starts again once the last one is old. */
export async function recordFailure(em: EntityManager, key: string, threshold: number): Promise<void> {
  const [{ failures }] = await em.query(
    `INSERT INTO login_throttles (key, failures, last_failure) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttles.last_failure < now() - make_interval(secs => $2) THEN 1 ELSE login_throttles.failures + 1 END,
       last_failure = now()
     RETURNING failures`,
    [key, FORGET_AFTER_SECONDS],
  );
  const wait = lockSeconds(failures, threshold);
  if (wait > 0) await em.query(`UPDATE login_throttles SET locked_until = now() + make_interval(secs => $2) WHERE key = $1`, [key, wait]);
}

export async function clearFailures(em: EntityManager, key: string): Promise<void> {
  await em.query('DELETE FROM login_throttles WHERE key = $1', [key]);
}
