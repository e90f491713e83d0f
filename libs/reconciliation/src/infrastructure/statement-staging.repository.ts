import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';
import { refusedAsFormatError, type NewLine } from './statement-line.repository';

/**
 * An import's lines on their way in: COPY'd into a TEMP table of the import's own transaction
 * (dropped at its end, seen by no other session, so it needs neither row security nor a
 * cleanup), then written to statement_lines in one set-based statement under the caller's scope.
 */

/** A line as staged: the database fingerprints it from its identity and occurrence. */
export interface StagedLine extends NewLine {
  statementId: string;
  account: string;
  /** What identifies the booking; its nth occurrence in a statement is fingerprinted identity#n. */
  identity: string;
}

/** The staging table's columns in COPY order. */
const STAGED: Array<keyof StagedLine> = [
  'statementId',
  'account',
  'position',
  'amount',
  'currency',
  'direction',
  'reversal',
  'bookingDate',
  'valueDate',
  'bankReference',
  'endToEndId',
  'counterpartyName',
  'counterpartyKey',
  'counterpartyAccount',
  'remittance',
  'entryPosition',
  'entryAmount',
  'bankTransactionCode',
  'identity',
];
const LINE_COLUMNS = `position, amount, currency, direction, reversal, booking_date, value_date, bank_reference, end_to_end_id,
  counterparty_name, counterparty_key, counterparty_account, remittance, entry_position, entry_amount, bank_transaction_code`;

/** A staged line PostgreSQL refused: `row` counts the lines COPY'd, from 1. */
export class StagedLineRefused extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The staging table, typed like statement_lines so that COPY refuses what the insert would. */
export async function createStaging(em: EntityManager): Promise<void> {
  await em.query(`CREATE TEMP TABLE statement_staging (
      seq bigint GENERATED ALWAYS AS IDENTITY, statement_id uuid NOT NULL, account text NOT NULL, position integer NOT NULL,
      amount numeric NOT NULL, currency char(3) NOT NULL, direction text NOT NULL, reversal boolean NOT NULL, booking_date date,
      value_date date, bank_reference text, end_to_end_id text, counterparty_name text, counterparty_key text, counterparty_account text,
      remittance text, entry_position integer, entry_amount numeric, bank_transaction_code text, identity text NOT NULL
    ) ON COMMIT DROP`);
}

/** A value in COPY's text format. */
function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

/** The lines as COPY text, in chunks of about 64 KiB. */
async function* copyText(lines: AsyncIterable<StagedLine>): AsyncGenerator<string> {
  let chunk = '';
  for await (const line of lines) {
    chunk += STAGED.map((key) => copyValue(line[key])).join('\t') + '\n';
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Streams the lines into the staging table with backpressure (the parser waits for the socket).
 * A value PostgreSQL refuses comes back as StagedLineRefused naming its row; the parser's own
 * refusal comes back as it was thrown, the COPY aborted.
 */
export async function stageLines(em: EntityManager, lines: AsyncIterable<StagedLine>): Promise<void> {
  const client = (await em.queryRunner!.connect()) as PoolClient;
  const copy = client.query(copyFrom(`COPY statement_staging (${STAGED.map(snake).join(', ')}) FROM STDIN`));
  try {
    await pipeline(Readable.from(copyText(lines)), copy);
  } catch (e) {
    const { code, where } = e as { code?: string; where?: string };
    const row = /, line (\d+)/.exec(where ?? '')?.[1];
    if (row && (code?.startsWith('22') || code?.startsWith('23'))) throw new StagedLineRefused(Number(row), (e as Error).message);
    throw e;
  }
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Writes the staged lines in file order, each fingerprinted by its identity and occurrence in its
 * statement; a line the account already has (an earlier import, an earlier statement of the file)
 * is not written again. Answers how many each statement added.
 */
export async function insertStagedLines(em: EntityManager, first: number, last: number): Promise<Map<string, number>> {
  // a zero booking (a bank's verification entry) is kept, for information: nothing matches it
  const insert = (): Promise<Array<{ statement: string; added: number }>> =>
    em.query(
      `WITH added AS (
         INSERT INTO statement_lines (statement_id, account, ${LINE_COLUMNS}, fingerprint, match_status)
         SELECT s.statement_id, s.account, ${LINE_COLUMNS},
                encode(sha256(convert_to(s.identity || '#' || row_number() OVER (PARTITION BY s.statement_id, s.identity ORDER BY s.seq), 'UTF8')), 'hex'),
                CASE WHEN s.amount = 0 THEN 'INFORMATIONAL' ELSE 'UNMATCHED' END
           FROM statement_staging s ORDER BY s.seq
         ON CONFLICT ON CONSTRAINT statement_lines_once DO NOTHING RETURNING statement_id)
       SELECT statement_id AS statement, count(*)::int AS added FROM added GROUP BY statement_id`,
    );
  const rows = await refusedAsFormatError(insert, first, last);
  return new Map(rows.map((r) => [r.statement, r.added]));
}
