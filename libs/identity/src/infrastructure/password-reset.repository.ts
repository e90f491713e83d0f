import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** A reset the code (by its hash) opens, with the person it is for. */
export interface OpenReset {
  id: string;
  userId: string;
  email: string;
  displayName: string;
}

export async function insertReset(em: EntityManager, userId: string, codeHash: string, expiresAt: Date, createdBy: string): Promise<void> {
  await em.query('INSERT INTO password_resets (id, user_id, code_hash, expires_at, created_by) VALUES ($1, $2, $3, $4, $5)', [
    randomUUID(),
    userId,
    codeHash,
    expiresAt,
    createdBy,
  ]);
}

/** The unused, unexpired reset of this code for this e-mail (lower-case), if any. */
export async function findOpenReset(em: EntityManager, codeHash: string, email: string): Promise<OpenReset | undefined> {
  const [row] = await em.query(
    `SELECT r.id, u.id AS user_id, u.email, u.display_name FROM password_resets r JOIN users u ON u.id = r.user_id
      WHERE r.code_hash = $1 AND u.email = $2 AND r.used_at IS NULL AND r.expires_at > now()`,
    [codeHash, email],
  );
  return row && { id: row.id, userId: row.user_id, email: row.email, displayName: row.display_name };
}

/** Marks the reset used; false when another request used it first. */
export async function useReset(em: EntityManager, id: string): Promise<boolean> {
  const [[used]] = await em.query('UPDATE password_resets SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id', [id]);
  return used !== undefined;
}
