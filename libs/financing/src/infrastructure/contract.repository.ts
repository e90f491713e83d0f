import type { EntityManager } from 'typeorm';

// A bank's contract versions (row-level security: the transaction's bank only) and the
// contract kept with each financing (its parties only).

export interface ContractVersion {
  version: number;
  name: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  /** Null until a second person adopted it: only an adopted version is ever offered. */
  adoptedBy: string | null;
  adoptedAt: string | null;
}

export interface KeptContract {
  financingId: string;
  version: number;
  sha256: string;
  acceptedBy: string;
  acceptedAt: string;
}

const COLUMNS = `version, name, size, sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt", adopted_by AS "adoptedBy",
  adopted_at AS "adoptedAt"`;

/** The next version, not in force until adopted. */
export async function insertContractVersion(
  em: EntityManager,
  c: { name: string; sha256: string; content: Buffer; uploadedBy: string },
): Promise<ContractVersion> {
  const [row] = await em.query(
    `INSERT INTO financing_contract_templates (version, name, size, sha256, content, uploaded_by)
     SELECT coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5 FROM financing_contract_templates
     RETURNING ${COLUMNS}`,
    [c.name, c.content.length, c.sha256, c.content, c.uploadedBy],
  );
  return row;
}

/** Adopts a version not adopted yet; undefined when it is not (still) that upload. */
export async function adoptContractVersion(
  em: EntityManager,
  version: number,
  sha256: string,
  adopted: { by: string; requestId: string },
): Promise<ContractVersion | undefined> {
  const [rows] = await em.query(
    `UPDATE financing_contract_templates SET adopted_by = $3, adopted_at = now(), request_id = $4
      WHERE version = $1 AND sha256 = $2 AND adopted_by IS NULL RETURNING ${COLUMNS}`,
    [version, sha256, adopted.by, adopted.requestId],
  );
  return rows[0];
}

/** The contract in force: the newest adopted version. */
export async function currentContract(em: EntityManager): Promise<ContractVersion | undefined> {
  const [row] = await em.query(
    `SELECT ${COLUMNS} FROM financing_contract_templates WHERE adopted_at IS NOT NULL ORDER BY version DESC LIMIT 1`,
  );
  return row;
}

export async function listContractVersions(em: EntityManager, limit: number, offset: number): Promise<[ContractVersion[], number]> {
  const [{ total }] = await em.query('SELECT count(*)::int AS total FROM financing_contract_templates');
  const rows = await em.query(`SELECT ${COLUMNS} FROM financing_contract_templates ORDER BY version DESC LIMIT $1 OFFSET $2`, [
    limit,
    offset,
  ]);
  return [rows, total];
}

export async function findContractVersion(em: EntityManager, version: number): Promise<ContractVersion | undefined> {
  const [row] = await em.query(`SELECT ${COLUMNS} FROM financing_contract_templates WHERE version = $1`, [version]);
  return row;
}

export async function contractContent(em: EntityManager, version: number): Promise<(ContractVersion & { content: Buffer }) | undefined> {
  const [row] = await em.query(`SELECT ${COLUMNS}, content FROM financing_contract_templates WHERE version = $1`, [version]);
  return row;
}

/** Keeps the contract accepted with the financing; a financing keeps its first. */
export async function keepContract(
  em: EntityManager,
  c: { financingId: string; bankId: string; version: number; sha256: string; acceptedBy: string; acceptedByName: string },
): Promise<void> {
  await em.query(
    `INSERT INTO financing_contracts (financing_id, bank_id, version, sha256, accepted_by, accepted_by_name)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (financing_id) DO NOTHING`,
    [c.financingId, c.bankId, c.version, c.sha256, c.acceptedBy, c.acceptedByName],
  );
}

export async function findKeptContract(em: EntityManager, financingId: string): Promise<KeptContract | undefined> {
  const [row] = await em.query(
    `SELECT financing_id AS "financingId", version, sha256, accepted_by_name AS "acceptedBy", accepted_at AS "acceptedAt"
       FROM financing_contracts WHERE financing_id = $1`,
    [financingId],
  );
  return row;
}
