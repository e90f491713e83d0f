import type { EntityManager } from 'typeorm';
import type { CsvMapping } from '../domain/parsers/csv.parser';

// Row-level security limits every statement here to the transaction's bank.

export async function saveCsvMapping(em: EntityManager, account: string, mapping: CsvMapping, updatedBy: string): Promise<void> {
  await em.query(
    `INSERT INTO csv_mappings (account, mapping, updated_by) VALUES ($1, $2, $3)
     ON CONFLICT (bank_id, account) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [account, JSON.stringify(mapping), updatedBy],
  );
}

export async function findCsvMapping(em: EntityManager, account: string): Promise<CsvMapping | undefined> {
  const [row] = await em.query('SELECT mapping FROM csv_mappings WHERE account = $1', [account]);
  return row?.mapping;
}
