import type { EntityManager } from 'typeorm';
import type { StatementHeader } from '../domain/statement';

// Row-level security limits every statement here to the transaction's bank.

export interface StatementRow {
  id: string;
  account: string;
  format: string;
  bankStatementId: string;
  periodFrom: string | null;
  periodTo: string | null;
  currency: string;
  openingBalance: string | null;
  closingBalance: string | null;
  entries: number;
  newLines: number;
  importedAt: string;
}

/** What an import learnt of a statement by its end. */
export interface StatementSummary {
  entries: number;
  newLines: number;
  currency: string;
  openingBalance: string | null;
  closingBalance: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  contentHash: string;
}

/** Takes one of the bank's `slots` import slots until the transaction ends; answers false when all are taken. */
export async function tryImportSlot(em: EntityManager, slots: number): Promise<boolean> {
  const [{ slot }] = await em.query(
    `SELECT (SELECT s FROM generate_series(1, $1) s
              WHERE pg_try_advisory_xact_lock(hashtext('reconciliation.import'), hashtext(caravan_organisation()::text || '/' || s)) LIMIT 1) AS slot`,
    [slots],
  );
  return slot !== null;
}

/** The statement's row as its lines start to come: what its end tells is written by `completeStatement`. */
export async function insertStatement(em: EntityManager, id: string, header: StatementHeader, importedBy: string): Promise<void> {
  await em.query(
    `INSERT INTO bank_statements (id, account, format, bank_statement_id, currency, content_hash, entries, new_lines, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7)`,
    [id, header.account, header.format, header.statementId, header.currency ?? 'XXX', `pending:${id}`, importedBy],
  );
}

/** The bank's id of a statement of the account already imported with this content, if any. */
export async function findStatementByContent(em: EntityManager, account: string, contentHash: string): Promise<string | undefined> {
  const [known] = await em.query('SELECT bank_statement_id FROM bank_statements WHERE account = $1 AND content_hash = $2', [
    account,
    contentHash,
  ]);
  return known?.bank_statement_id;
}

export async function completeStatement(em: EntityManager, id: string, s: StatementSummary): Promise<void> {
  await em.query(
    `UPDATE bank_statements SET entries = $2, new_lines = $3, currency = $4, opening_balance = $5, closing_balance = $6, period_from = $7, period_to = $8, content_hash = $9 WHERE id = $1`,
    [id, s.entries, s.newLines, s.currency, s.openingBalance, s.closingBalance, s.periodFrom, s.periodTo, s.contentHash],
  );
}

/** Statements newest first, and how many there are. */
export async function findStatements(em: EntityManager, limit: number, offset: number): Promise<[StatementRow[], number]> {
  const [{ total }] = await em.query('SELECT count(*)::int AS total FROM bank_statements');
  const rows = await em.query(
    `SELECT id, account, format, bank_statement_id AS "bankStatementId", to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
            to_char(period_to, 'YYYY-MM-DD') AS "periodTo", currency, opening_balance AS "openingBalance", closing_balance AS "closingBalance",
            entries, new_lines AS "newLines", imported_at AS "importedAt"
       FROM bank_statements ORDER BY imported_at DESC, id LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return [rows, total];
}
