import type { EntityManager } from 'typeorm';
import type { ReconciliationRun } from '../api/reconciliation.contract';
import { AUTOMATIC_LINES } from './statement-line.repository';

// Row-level security limits every statement here to the transaction's bank.

const RUN_COLUMNS = `id, trigger, status, total, processed, matched, suggested, started_at AS "startedAt", finished_at AS "finishedAt", started_by AS "startedBy"`;

/** What a batch went through, and the last line it did: where the next one starts. */
export interface BatchProgress {
  processed: number;
  matched: number;
  suggested: number;
  cursor: string | null;
}

/** A running run counting the lines it will go through; an id already recorded stays as it was. */
export async function insertRun(em: EntityManager, id: string, trigger: ReconciliationRun['trigger'], startedBy: string): Promise<void> {
  await em.query(
    `INSERT INTO reconciliation_runs (id, trigger, status, total, started_by)
     SELECT $1, $2, 'RUNNING', count(*), $3 FROM statement_lines l WHERE ${AUTOMATIC_LINES}
     ON CONFLICT (id) DO NOTHING`,
    [id, trigger, startedBy],
  );
}

export async function lockRun(em: EntityManager, id: string): Promise<{ cursor: string; status: ReconciliationRun['status'] } | undefined> {
  const [run] = await em.query(`SELECT cursor::text AS cursor, status FROM reconciliation_runs WHERE id = $1 FOR UPDATE`, [id]);
  return run;
}

export async function advanceRun(em: EntityManager, id: string, batch: BatchProgress): Promise<void> {
  await em.query(
    `UPDATE reconciliation_runs SET processed = processed + $2, matched = matched + $3, suggested = suggested + $4, cursor = coalesce($5, cursor) WHERE id = $1`,
    [id, batch.processed, batch.matched, batch.suggested, batch.cursor],
  );
}

/** Ends a run still going; one already ended stays as it ended. */
export async function finishRun(em: EntityManager, id: string, status: 'DONE' | 'FAILED'): Promise<void> {
  await em.query(`UPDATE reconciliation_runs SET status = $2, finished_at = now() WHERE id = $1 AND status = 'RUNNING'`, [id, status]);
}

export async function findRun(em: EntityManager, id: string): Promise<ReconciliationRun | undefined> {
  const [run] = await em.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs WHERE id = $1`, [id]);
  return run;
}

/** Runs newest first, and how many there are. */
export async function findRuns(em: EntityManager, limit: number, offset: number): Promise<[ReconciliationRun[], number]> {
  const [{ total }] = await em.query('SELECT count(*)::int AS total FROM reconciliation_runs');
  return [
    await em.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs ORDER BY started_at DESC, id LIMIT $1 OFFSET $2`, [limit, offset]),
    total,
  ];
}
