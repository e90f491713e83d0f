import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { AppConfig } from '@caravan/config';
import { isUniqueViolation, ScopedDatabase } from '@caravan/database';
import { DomainError } from '@caravan/errors';
import { Actor, dataScopeOf } from '@caravan/access';
import { partyKey } from '../domain/matching';
import { parseCamt } from '../domain/parsers/camt.parser';
import { CsvMapping, parseCsv } from '../domain/parsers/csv.parser';
import { parseMt940 } from '../domain/parsers/mt940.parser';
import { spool } from '../infrastructure/statement-spool';
import { Entry, StatementFormatError, StatementHeader, StatementTotals, verifyBalances } from '../domain/statement';

export type StatementFormat = 'camt.053' | 'camt.054' | 'mt940' | 'csv';

export interface ImportedStatement {
  id: string;
  account: string;
  bankStatementId: string;
  entries: number;
  /** Lines not already known from an overlapping statement. */
  newLines: number;
}

const BATCH = 2000;
const BIG_IMPORT = 10_000;

/**
 * A value PostgreSQL refuses (too long, out of range, a constraint) is the file's fault: a
 * refusal naming the lines of the batch, not a 500. Only what checks missed ever gets here.
 */
async function refusedAsFormatError<T>(write: () => Promise<T>, first: number, last: number): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as { driverError?: { code?: string } }).driverError?.code ?? '';
    if (e instanceof QueryFailedError && (code.startsWith('22') || code.startsWith('23'))) {
      throw new StatementFormatError(first, first === last ? 'line' : `lines ${first}–${last}`, `refused by the database: ${e.message}`);
    }
    throw e;
  }
}

/** What identifies a booking: the same booking in another statement has the same identity. */
function identityOf(e: Entry): string {
  const d = e.details[0] ?? {};
  return [e.bookingDate, e.valueDate, e.direction, e.amount, e.currency, e.reversal, e.bankReference, d.endToEndId, e.information ?? d.remittance].join('|');
}

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

/** A bank's statements: imported, kept and read within that bank (row-level security holds it). */
@Injectable()
export class StatementImportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
  ) {}

  /**
   * Imports a statement file in one transaction: all of it, or nothing. Lines are written in
   * batches as they stream; a line already known from an overlapping statement is kept once;
   * a file already imported (same account and content, whatever its statement id) is refused.
   */
  async import(actor: Actor, format: StatementFormat, body: AsyncIterable<string | Buffer>, account?: string): Promise<ImportedStatement[]> {
    const parse = await this.parserFor(actor, format, account);
    const file = await spool(body, this.config.STATEMENT_MAX_BYTES);
    try {
      return await this.db.transaction(dataScopeOf(actor), async (em) => {
        await this.takeImportSlot(em);
        const events = parse(file.read());
        const imported: ImportedStatement[] = [];
        let current:
          | { id: string; header: StatementHeader; totals?: StatementTotals; batch: Entry[]; newLines: number; occurrences: Map<string, number>; content: ReturnType<typeof createHash>; first?: string; last?: string }
          | undefined;
        for await (const event of events) {
          if (event.kind === 'statement') {
            current = { id: randomUUID(), header: event.header, batch: [], newLines: 0, occurrences: new Map(), content: createHash('sha256').update(event.header.account) };
            await em.query(
              `INSERT INTO bank_statements (id, account, format, bank_statement_id, currency, content_hash, entries, new_lines, imported_by)
               VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7)`,
              [current.id, event.header.account, event.header.format, event.header.statementId, event.header.currency ?? 'XXX', `pending:${current.id}`, actor.userId],
            );
          } else if (event.kind === 'entry' && current) {
            current.totals ??= new StatementTotals(event.entry.currency);
            current.totals.add(event.entry);
            current.content.update(`\n${identityOf(event.entry)}`);
            const day = event.entry.bookingDate ?? event.entry.valueDate;
            if (day && (!current.first || day < current.first)) current.first = day;
            if (day && (!current.last || day > current.last)) current.last = day;
            current.batch.push(event.entry);
            if (current.batch.length >= BATCH) current.newLines += await this.writeLines(em, current.id, current.header.account, current.batch.splice(0), current.occurrences);
          } else if (event.kind === 'end' && current) {
            current.newLines += await this.writeLines(em, current.id, current.header.account, current.batch.splice(0), current.occurrences);
            const totals = current.totals ?? new StatementTotals(current.header.currency ?? 'XXX');
            const mismatch = verifyBalances(totals, event.balances);
            if (mismatch) throw new StatementFormatError(0, `statement ${current.header.statementId}`, `does not reconcile: ${mismatch}`);
            const opening = event.balances.find((b) => b.type === 'OPBD');
            const closing = event.balances.find((b) => b.type === 'CLBD');
            // Banks reuse statement ids: a statement is the same when its account, period,
            // balances and bookings are, whatever id or file it comes in.
            const contentHash = current.content.update(`\n${JSON.stringify(event.balances)}`).digest('hex');
            const [known] = await em.query('SELECT bank_statement_id FROM bank_statements WHERE account = $1 AND content_hash = $2', [current.header.account, contentHash]);
            if (known) {
              throw new DomainError('RECONCILIATION.DUPLICATE_STATEMENT', `this statement of ${current.header.account} was already imported (as ${known.bank_statement_id})`, 'conflict');
            }
            await em.query(
              `UPDATE bank_statements SET entries = $2, new_lines = $3, currency = $4, opening_balance = $5, closing_balance = $6, period_from = $7, period_to = $8, content_hash = $9 WHERE id = $1`,
              [current.id, totals.count, current.newLines, totals.currency, opening?.amount ?? null, closing?.amount ?? null, opening?.date ?? current.first ?? null, closing?.date ?? current.last ?? null, contentHash],
            );
            imported.push({ id: current.id, account: current.header.account, bankStatementId: current.header.statementId, entries: totals.count, newLines: current.newLines });
            current = undefined;
          }
        }
        if (imported.length === 0) throw new StatementFormatError(0, 'file', 'holds no statement');
        // a big file changes what the planner should expect of the lines (a run walks them in
        // id order, which it does by index only if it knows how many there are)
        if (imported.reduce((n, s) => n + s.newLines, 0) >= BIG_IMPORT) await em.query('ANALYZE statement_lines');
        await this.audit.record(em, { actor, action: 'statement.import', entityType: 'bank-statement', entityId: imported.map((s) => s.id).join(','), after: { format, statements: imported } });
        return imported;
      });
    } catch (e) {
      if (e instanceof StatementFormatError) throw new DomainError('RECONCILIATION.BAD_STATEMENT', e.message, 'invalid', e.element);
      if (isUniqueViolation(e, 'bank_statements_once')) throw new DomainError('RECONCILIATION.DUPLICATE_STATEMENT', 'this statement is being or was already imported', 'conflict');
      throw e;
    } finally {
      await file.dispose();
    }
  }

  /**
   * One of the bank's few import slots (STATEMENT_IMPORTS_PER_BANK), held until the import
   * commits: a bank uploading many files at once gets a 429, not the whole pool.
   */
  private async takeImportSlot(em: EntityManager): Promise<void> {
    const [{ slot }] = await em.query(
      `SELECT (SELECT s FROM generate_series(1, $1) s
                WHERE pg_try_advisory_xact_lock(hashtext('reconciliation.import'), hashtext(caravan_organisation()::text || '/' || s)) LIMIT 1) AS slot`,
      [this.config.STATEMENT_IMPORTS_PER_BANK],
    );
    if (slot === null) throw new DomainError('RECONCILIATION.IMPORTS_BUSY', `at most ${this.config.STATEMENT_IMPORTS_PER_BANK} statements of a bank are imported at once: try again shortly`, 'too_many');
  }

  /** Saves how an account of the caller's bank lays its CSV export out. */
  async saveMapping(actor: Actor, account: string, mapping: CsvMapping): Promise<CsvMapping> {
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await em.query(
        `INSERT INTO csv_mappings (account, mapping, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (bank_id, account) DO UPDATE SET mapping = EXCLUDED.mapping, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [account, JSON.stringify(mapping), actor.userId],
      );
      await this.audit.record(em, { actor, action: 'csv-mapping.save', entityType: 'csv-mapping', entityId: account, after: mapping });
    });
    return mapping;
  }

  /** The caller's bank's statements, newest first. */
  async list(actor: Actor, limit: number, offset: number): Promise<[StatementRow[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const [{ total }] = await em.query('SELECT count(*)::int AS total FROM bank_statements');
      const rows = await em.query(
        `SELECT id, account, format, bank_statement_id AS "bankStatementId", to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
                to_char(period_to, 'YYYY-MM-DD') AS "periodTo", currency, opening_balance AS "openingBalance", closing_balance AS "closingBalance",
                entries, new_lines AS "newLines", imported_at AS "importedAt"
           FROM bank_statements ORDER BY imported_at DESC, id LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      return [rows, total];
    });
  }

  private async parserFor(actor: Actor, format: StatementFormat, account?: string) {
    if (format === 'mt940') return parseMt940;
    if (format !== 'csv') return parseCamt;
    if (!account) throw new DomainError('RECONCILIATION.ACCOUNT_REQUIRED', 'a CSV import names its account', 'invalid', 'account');
    const [row] = await this.db.transaction(dataScopeOf(actor), (em) => em.query('SELECT mapping FROM csv_mappings WHERE account = $1', [account]));
    if (!row) throw new DomainError('RECONCILIATION.NO_CSV_MAPPING', `no CSV column mapping is saved for ${account}`, 'unprocessable', 'account');
    return parseCsv(row.mapping as CsvMapping, account);
  }

  /** Writes a batch; a line whose fingerprint the account already has is not written again. */
  private async writeLines(em: EntityManager, statementId: string, account: string, entries: Entry[], occurrences: Map<string, number>): Promise<number> {
    if (entries.length === 0) return 0;
    const rows = entries.map((e) => {
      const d = e.details[0] ?? {};
      const identity = identityOf(e);
      // counted by a short digest: a million full identities would cost hundreds of MB
      const key = createHash('sha1').update(identity).digest('base64');
      const nth = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, nth);
      const fingerprint = createHash('sha256').update(`${identity}#${nth}`).digest('hex');
      return [e.line, e.amount, e.currency, e.direction, e.reversal, e.bookingDate ?? null, e.valueDate ?? null, e.bankReference ?? null, d.endToEndId ?? null, d.counterpartyName ?? null, partyKey(d.counterpartyName), d.counterpartyAccount ?? null, d.remittance ?? e.information ?? null, fingerprint];
    });
    // one array a column: the statement's text stays the same whatever the batch size
    const column = (i: number) => rows.map((r) => r[i]);
    // a zero booking (a bank's verification entry) is kept, for information: nothing matches it
    const insert = () =>
      em.query(
        `INSERT INTO statement_lines (statement_id, account, position, amount, currency, direction, reversal, booking_date, value_date, bank_reference,
           end_to_end_id, counterparty_name, counterparty_key, counterparty_account, remittance, fingerprint, match_status)
         SELECT $1, $2, l.*, CASE WHEN l.amount = 0 THEN 'INFORMATIONAL' ELSE 'UNMATCHED' END
           FROM unnest($3::int[], $4::numeric[], $5::char(3)[], $6::text[], $7::boolean[], $8::date[], $9::date[], $10::text[],
                       $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[])
             AS l(position, amount, currency, direction, reversal, booking_date, value_date, bank_reference,
                  end_to_end_id, counterparty_name, counterparty_key, counterparty_account, remittance, fingerprint)
         ON CONFLICT ON CONSTRAINT statement_lines_once DO NOTHING RETURNING id`,
        [statementId, account, ...rows[0].map((_, i) => column(i))],
      );
    const inserted = await refusedAsFormatError(insert, entries[0].line, entries.at(-1)!.line);
    return inserted.length;
  }
}
