import type { EntityManager } from 'typeorm';

// The people and organisations a financing names, read from identity's tables.

/** The largest financing the person may approve; 0.00 for one who is not an approver. */
export async function approvalAuthorityOf(em: EntityManager, userId: string): Promise<string> {
  const [row] = await em.query('SELECT approval_authority FROM users WHERE id = $1', [userId]);
  return row?.approval_authority ?? '0.00';
}

export async function findOrganisationName(em: EntityManager, organisationId: string): Promise<string | undefined> {
  const [organisation] = await em.query('SELECT name FROM organisations WHERE id = $1', [organisationId]);
  return organisation?.name;
}
