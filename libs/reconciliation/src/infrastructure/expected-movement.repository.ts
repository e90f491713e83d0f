import type { EntityManager } from 'typeorm';
import type { ExpectedMovement, OpenMovement } from '../domain/matching';

// Row-level security limits every statement here to the transaction's bank.

const MOVEMENT_COLUMNS = `e.id, e.financing_ref AS "financingRef", e.kind, e.reference, e.direction, e.currency, (e.amount - e.settled)::text AS remaining,
  to_char(e.value_from, 'YYYY-MM-DD') AS "valueFrom", to_char(e.value_to, 'YYYY-MM-DD') AS "valueTo", e.counterparty_key AS "counterpartyKey"`;

/** An expected movement as stored: its reference and counterparty keyed as the rules compare them. */
export type KeyedMovement = Omit<ExpectedMovement, 'reference'> & { id: string; reference: string | null; counterpartyKey: string | null };

/** Records the movement; one with the same end-to-end id is already recorded and stays as it is. */
export async function insertExpectedMovement(em: EntityManager, m: KeyedMovement): Promise<void> {
  await em.query(
    `INSERT INTO expected_movements (id, financing_ref, kind, end_to_end_id, reference, direction, amount, currency, value_from, value_to, counterparty, counterparty_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT ON CONSTRAINT expected_movements_once DO NOTHING`,
    [
      m.id,
      m.financingRef,
      m.kind,
      m.endToEndId,
      m.reference,
      m.direction,
      m.amount,
      m.currency,
      m.valueFrom ?? null,
      m.valueTo ?? null,
      m.counterparty ?? null,
      m.counterpartyKey,
    ],
  );
}

/** Movements still awaited under these references, earliest first (a loan's instalments in order). */
export function findOpenByReferences(em: EntityManager, references: string[]): Promise<OpenMovement[]> {
  return em.query(
    `SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.reference = ANY($1) AND e.status <> 'MATCHED' ORDER BY e.value_from NULLS FIRST, e.end_to_end_id`,
    [references],
  );
}

/** Movements still awaiting exactly one of these amounts. */
export function findOpenByAmounts(em: EntityManager, amounts: string[]): Promise<OpenMovement[]> {
  return em.query(
    `SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.status <> 'MATCHED' AND e.amount - e.settled = ANY($1::numeric[])`,
    [amounts],
  );
}

/** Movements still awaited of these payers, in due order. */
export function findOpenByParties(em: EntityManager, parties: string[]): Promise<OpenMovement[]> {
  return em.query(
    `SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.status <> 'MATCHED' AND e.counterparty_key = ANY($1) ORDER BY e.value_from NULLS LAST, e.end_to_end_id`,
    [parties],
  );
}

/** The movements, locked for a decision, earliest first. */
export function lockMovements(em: EntityManager, ids: string[]): Promise<OpenMovement[]> {
  return em.query(
    `SELECT ${MOVEMENT_COLUMNS} FROM expected_movements e WHERE e.id = ANY($1::uuid[]) ORDER BY e.value_from NULLS FIRST, e.end_to_end_id FOR UPDATE`,
    [ids],
  );
}

/** Adds (or, negative, takes back) settled amounts; a movement is matched once fully paid or closed. */
export async function settleMovements(
  em: EntityManager,
  links: Array<{ expectedId: string; amount: string }>,
  closes: string[],
): Promise<void> {
  if (links.length === 0 && closes.length === 0) return;
  await em.query(
    `UPDATE expected_movements e
        SET settled = e.settled + x.amount,
            status = CASE WHEN e.settled + x.amount >= e.amount OR e.id = ANY($3::uuid[]) THEN 'MATCHED' WHEN e.settled + x.amount > 0 THEN 'PARTIAL' ELSE 'OPEN' END
       FROM (SELECT id, sum(amount) AS amount FROM unnest($1::uuid[], $2::numeric[]) AS t(id, amount) GROUP BY id
             UNION ALL SELECT c, 0 FROM unnest($3::uuid[]) AS c WHERE c <> ALL($1::uuid[])) AS x
      -- the ANY lets PostgreSQL find the rows by key rather than join the whole table
      WHERE e.id = x.id AND (e.id = ANY($1::uuid[]) OR e.id = ANY($3::uuid[]))`,
    [links.map((l) => l.expectedId), links.map((l) => l.amount), closes],
  );
}
