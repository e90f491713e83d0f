import type { EntityManager } from 'typeorm';
import type { FinancingPolicy, PolicyVersion } from '../application/financing-policy';

// A bank's policy versions; row-level security limits every statement to the transaction's bank.

const COLUMNS = `version, tiers, deadlines, max_advance_rate::text AS "maxAdvanceRate", max_ltv::text AS "maxLtv", maintenance_ltv::text AS "maintenanceLtv",
  allocation_order AS "allocationOrder", pricing, effective_from AS "effectiveFrom", proposed_by AS "proposedBy", approved_by AS "approvedBy"`;

/** The version in force now: the newest whose effective time has come. */
export async function currentVersion(em: EntityManager): Promise<PolicyVersion | undefined> {
  const [row] = await em.query(
    `SELECT ${COLUMNS} FROM financing_policy_versions WHERE effective_from <= now() ORDER BY version DESC LIMIT 1`,
  );
  return row;
}

export async function listVersions(em: EntityManager, limit: number, offset: number): Promise<[PolicyVersion[], number]> {
  const [{ total }] = await em.query('SELECT count(*)::int AS total FROM financing_policy_versions');
  return [
    await em.query(`SELECT ${COLUMNS} FROM financing_policy_versions ORDER BY version DESC LIMIT $1 OFFSET $2`, [limit, offset]),
    total,
  ];
}

/** The next version, in force from `effectiveFrom` or now, whichever is later. */
export async function insertVersion(
  em: EntityManager,
  policy: FinancingPolicy,
  signed: { effectiveFrom?: string; proposedBy: string; approvedBy: string; requestId: string },
): Promise<PolicyVersion> {
  const [row] = await em.query(
    `INSERT INTO financing_policy_versions (version, tiers, deadlines, max_advance_rate, max_ltv, maintenance_ltv, allocation_order, pricing,
                                            effective_from, proposed_by, approved_by, request_id)
     SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6, $7, greatest(now(), coalesce($8::timestamptz, now())), $9, $10, $11
       FROM financing_policy_versions
     RETURNING ${COLUMNS}`,
    [
      JSON.stringify(policy.tiers),
      JSON.stringify(policy.deadlines),
      policy.maxAdvanceRate,
      policy.maxLtv,
      policy.maintenanceLtv,
      JSON.stringify(policy.allocationOrder),
      JSON.stringify(policy.pricing),
      signed.effectiveFrom ?? null,
      signed.proposedBy,
      signed.approvedBy,
      signed.requestId,
    ],
  );
  return row;
}
