import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { AppConfig } from '@caravan/config';
import { isUniqueViolation, ScopedDatabase } from '@caravan/database';
import { BusinessMetrics } from '@caravan/metrics';
import { Actor, dataScopeOf } from '@caravan/access';
import { Money } from '@caravan/money';
import { partyKey } from '../domain/matching';
import { parseCamt } from '../domain/parsers/camt.parser';
import { CsvMapping, parseCsv } from '../domain/parsers/csv.parser';
import { detectEncoding, StatementEncoding } from '../domain/parsers/encoding';
import { firstAccountOf, parseMt940 } from '../domain/parsers/mt940.parser';
import {
  Balance,
  Entry,
  StatementFormatError,
  StatementEvent,
  StatementHeader,
  StatementTotals,
  Transaction,
  transactionsOf,
  verifyBalances,
} from '../domain/statement';
import {
  completeStatement,
  findStatementByContent,
  findStatements,
  insertStatement,
  StatementRow,
  tryImportSlot,
} from '../infrastructure/bank-statement.repository';
import { findStatementEncoding } from '../infrastructure/bank-account.repository';
import { findCsvMapping, saveCsvMapping } from '../infrastructure/csv-mapping.repository';
import { analyzeLines } from '../infrastructure/statement-line.repository';
import {
  createStaging,
  insertStagedLines,
  StagedLine,
  StagedLineRefused,
  stageLines,
} from '../infrastructure/statement-staging.repository';
import { SpooledFile, spool } from '../infrastructure/statement-spool';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

export type StatementFormat = 'camt.053' | 'camt.054' | 'mt940' | 'csv';

export interface ImportedStatement {
  id: string;
  account: string;
  bankStatementId: string;
  entries: number;
  /** Lines not already known from an overlapping statement. */
  newLines: number;
}

const BIG_IMPORT = 10_000;

/** A statement of the file as its lines stream into staging: what its end is checked and stored with. */
interface Reading {
  id: string;
  header: StatementHeader;
  totals?: StatementTotals;
  /** Set at the statement's end, once they reconcile with its entries. */
  balances?: Balance[];
  content: ReturnType<typeof createHash>;
  first?: string;
  last?: string;
}

/** The file's statements as read, and the positions its lines span (a refusal of the whole insert names them). */
interface FileReading {
  statements: Reading[];
  firstLine?: number;
  lastLine?: number;
}

/** What identifies a booking: the same booking in another statement has the same identity. */
function identityOf(e: Entry): string {
  const d = e.details[0] ?? {};
  return [
    e.bookingDate,
    e.valueDate,
    e.direction,
    e.amount,
    e.currency,
    e.reversal,
    e.bankReference,
    d.endToEndId,
    e.information ?? d.remittance,
  ].join('|');
}

/** A line's identity: an entry's own, or for a transaction of a batch the batch's and the transaction's. */
function lineIdentityOf(e: Entry, t: Transaction): string {
  if (!t.batch) return identityOf(e);
  const d = t.detail;
  return [identityOf(e), t.amount, d.endToEndId, d.counterpartyAccount, d.counterpartyName, d.remittance].join('|');
}

/** The parser of a format, reading text in its encoding (camt's XML declares its own). */
function parserFor(format: StatementFormat, encoding: StatementEncoding, csv?: { account: string; mapping: CsvMapping }) {
  if (format === 'mt940') return (chunks: AsyncIterable<Buffer>) => parseMt940(chunks, encoding);
  if (format === 'csv') return parseCsv(csv!.mapping, csv!.account, encoding);
  return parseCamt;
}

/** An amount written with its currency's decimals ("300" of EUR is kept as 300.00, of KWD as 300.000). */
const inMinorUnits = (a: { amount: string; currency: string }) => Money.of(a.amount, a.currency).toString();

const totalsOf = (r: Reading) => r.totals ?? new StatementTotals(r.header.currency ?? 'XXX');

/**
 * The file's lines as they are staged, one by one as the parser reads them (nothing of the file
 * is held): each statement's totals, content hash and period are kept as its entries pass, its
 * balances checked at its end.
 */
async function* stagedLinesOf(events: AsyncIterable<StatementEvent>, file: FileReading): AsyncGenerator<StagedLine> {
  let current: Reading | undefined;
  for await (const event of events) {
    if (event.kind === 'statement') {
      current = { id: randomUUID(), header: event.header, content: createHash('sha256').update(event.header.account) };
      file.statements.push(current);
    } else if (event.kind === 'entry' && current) {
      readEntry(current, event.entry);
      for (const t of transactionsOf(event.entry)) {
        file.firstLine = Math.min(file.firstLine ?? t.line, t.line);
        file.lastLine = Math.max(file.lastLine ?? t.line, t.line);
        yield stagedLine(current, event.entry, t);
      }
    } else if (event.kind === 'end' && current) {
      const mismatch = verifyBalances(totalsOf(current), event.balances);
      if (mismatch) throw new StatementFormatError(0, `statement ${current.header.statementId}`, `does not reconcile: ${mismatch}`);
      current.balances = event.balances;
      current = undefined;
    }
  }
}

function readEntry(current: Reading, entry: Entry): void {
  current.totals ??= new StatementTotals(entry.currency);
  current.totals.add(entry);
  current.content.update(`\n${identityOf(entry)}`);
  const day = entry.bookingDate ?? entry.valueDate;
  if (day && (!current.first || day < current.first)) current.first = day;
  if (day && (!current.last || day > current.last)) current.last = day;
}

/** The position of the file's nth staged line (what COPY names a refused row by), read again. */
async function positionOfRow(events: AsyncIterable<StatementEvent>, row: number): Promise<number> {
  let n = 0;
  for await (const line of stagedLinesOf(events, { statements: [] })) if (++n === row) return line.position;
  return 0;
}

function stagedLine(statement: Reading, e: Entry, t: Transaction): StagedLine {
  const d = t.detail;
  return {
    statementId: statement.id,
    account: statement.header.account,
    position: t.line,
    amount: inMinorUnits({ amount: t.amount, currency: e.currency }),
    currency: e.currency,
    direction: e.direction,
    reversal: e.reversal,
    bookingDate: e.bookingDate ?? null,
    valueDate: e.valueDate ?? null,
    bankReference: e.bankReference ?? null,
    endToEndId: d.endToEndId ?? null,
    counterpartyName: d.counterpartyName ?? null,
    counterpartyKey: partyKey(d.counterpartyName),
    counterpartyAccount: d.counterpartyAccount ?? null,
    remittance: t.batch ? (d.remittance ?? null) : (d.remittance ?? e.information ?? null),
    entryPosition: t.batch?.line ?? null,
    entryAmount: t.batch ? inMinorUnits({ amount: t.batch.amount, currency: e.currency }) : null,
    bankTransactionCode: e.bankTransactionCode ?? null,
    identity: lineIdentityOf(e, t),
  };
}

/** A bank's statements: imported, kept and read within that bank (row-level security holds it). */
@Injectable()
export class StatementImportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly audit: AuditLog,
    private readonly config: AppConfig,
    private readonly metrics: BusinessMetrics,
  ) {}

  /**
   * Imports a statement file in one transaction: all of it, or nothing. Lines stream from the
   * parser through COPY into staging, then go in by one set-based insert; a line already known
   * from an overlapping statement is kept once;
   * a file already imported (same account and content, whatever its statement id) is refused.
   * A text file (MT940, CSV) is read in the encoding asked for, else its account's setting,
   * else the one its bytes show.
   */
  async import(
    actor: Actor,
    format: StatementFormat,
    body: AsyncIterable<string | Buffer>,
    account?: string,
    encoding?: StatementEncoding,
  ): Promise<ImportedStatement[]> {
    const csv = format === 'csv' ? await this.mappingOf(actor, account) : undefined;
    const file = await spool(body, this.config.STATEMENT_MAX_BYTES);
    try {
      const parse = parserFor(format, await this.encodingOf(actor, format, file, account, encoding), csv);
      const imported = await this.db.transaction(dataScopeOf(actor), async (em) => {
        await this.takeImportSlot(em);
        await createStaging(em);
        const reading: FileReading = { statements: [] };
        await stageLines(em, stagedLinesOf(parse(file.read()), reading)).catch(async (e: unknown) => {
          if (!(e instanceof StagedLineRefused)) throw e;
          const position = await positionOfRow(parse(file.read()), e.row);
          throw new StatementFormatError(position, 'line', `refused by the database: ${e.reason}`);
        });
        const imported = await this.store(em, actor, reading);
        if (imported.length === 0) throw new StatementFormatError(0, 'file', 'holds no statement');
        // a big file changes what the planner should expect of the lines (a run walks them in
        // id order, which it does by index only if it knows how many there are)
        if (imported.reduce((n, s) => n + s.newLines, 0) >= BIG_IMPORT) await analyzeLines(em);
        await this.audit.record(em, {
          actor,
          action: 'statement.import',
          entityType: 'bank-statement',
          entityId: imported.map((s) => s.id).join(','),
          after: { format, statements: imported },
        });
        return imported;
      });
      this.metrics.statementLinesImported(
        format,
        imported.reduce((n, s) => n + s.newLines, 0),
      );
      return imported;
    } catch (e) {
      if (e instanceof StatementFormatError) throw ReconciliationErrors.BAD_STATEMENT(e.message, e.element);
      if (isUniqueViolation(e, 'bank_statements_once'))
        throw ReconciliationErrors.DUPLICATE_STATEMENT('this statement is being or was already imported');
      throw e;
    } finally {
      await file.dispose();
    }
  }

  /** Writes the statements' rows, then their lines in one statement, then completes each statement that ended. */
  private async store(em: EntityManager, actor: Actor, file: FileReading): Promise<ImportedStatement[]> {
    for (const s of file.statements) await insertStatement(em, s.id, s.header, actor.userId);
    const added = file.firstLine === undefined ? new Map<string, number>() : await insertStagedLines(em, file.firstLine, file.lastLine!);
    const imported: ImportedStatement[] = [];
    for (const s of file.statements) if (s.balances) imported.push(await this.complete(em, s, s.balances, added.get(s.id) ?? 0));
    return imported;
  }

  /** Completes a statement's row; a statement already imported is refused. */
  private async complete(em: EntityManager, current: Reading, balances: Balance[], newLines: number): Promise<ImportedStatement> {
    const totals = totalsOf(current);
    const opening = balances.find((b) => b.type === 'OPBD');
    const closing = balances.find((b) => b.type === 'CLBD');
    // Banks reuse statement ids: a statement is the same when its account, period,
    // balances and bookings are, whatever id or file it comes in.
    const contentHash = current.content.update(`\n${JSON.stringify(balances)}`).digest('hex');
    const known = await findStatementByContent(em, current.header.account, contentHash);
    if (known) {
      throw ReconciliationErrors.DUPLICATE_STATEMENT(`this statement of ${current.header.account} was already imported (as ${known})`);
    }
    await completeStatement(em, current.id, {
      entries: totals.count,
      newLines,
      currency: totals.currency,
      openingBalance: opening ? inMinorUnits(opening) : null,
      closingBalance: closing ? inMinorUnits(closing) : null,
      periodFrom: opening?.date ?? current.first ?? null,
      periodTo: closing?.date ?? current.last ?? null,
      contentHash,
    });
    return {
      id: current.id,
      account: current.header.account,
      bankStatementId: current.header.statementId,
      entries: totals.count,
      newLines,
    };
  }

  /**
   * One of the bank's few import slots (STATEMENT_IMPORTS_PER_BANK), held until the import
   * commits: a bank uploading many files at once gets a 429, not the whole pool.
   */
  private async takeImportSlot(em: EntityManager): Promise<void> {
    if (!(await tryImportSlot(em, this.config.STATEMENT_IMPORTS_PER_BANK))) {
      throw ReconciliationErrors.IMPORTS_BUSY(
        `at most ${this.config.STATEMENT_IMPORTS_PER_BANK} statements of a bank are imported at once: try again shortly`,
      );
    }
  }

  /** Saves how an account of the caller's bank lays its CSV export out. */
  async saveMapping(actor: Actor, account: string, mapping: CsvMapping): Promise<CsvMapping> {
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await saveCsvMapping(em, account, mapping, actor.userId);
      await this.audit.record(em, { actor, action: 'csv-mapping.save', entityType: 'csv-mapping', entityId: account, after: mapping });
    });
    return mapping;
  }

  /** How an account of the caller's bank lays its CSV export out; another bank's account or none saved is not found. */
  async mapping(actor: Actor, account: string): Promise<CsvMapping> {
    const mapping = await this.db.transaction(dataScopeOf(actor), (em) => findCsvMapping(em, account));
    if (!mapping) throw ReconciliationErrors.CSV_MAPPING_NOT_FOUND(`no CSV column mapping is saved for ${account}`);
    return mapping;
  }

  /** The caller's bank's statements, newest first. */
  async list(actor: Actor, limit: number, offset: number): Promise<[StatementRow[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findStatements(em, limit, offset));
  }

  /** A CSV file is read through its account's saved mapping. */
  private async mappingOf(actor: Actor, account?: string): Promise<{ account: string; mapping: CsvMapping }> {
    if (!account) throw ReconciliationErrors.ACCOUNT_REQUIRED('a CSV import names its account', 'account');
    const mapping = await this.db.transaction(dataScopeOf(actor), (em) => findCsvMapping(em, account));
    if (!mapping) throw ReconciliationErrors.NO_CSV_MAPPING(`no CSV column mapping is saved for ${account}`, 'account');
    return { account, mapping };
  }

  /** MT940 names its account in :25:, so without `account` the file's first one finds the setting. */
  private async encodingOf(
    actor: Actor,
    format: StatementFormat,
    file: SpooledFile,
    account?: string,
    requested?: StatementEncoding,
  ): Promise<StatementEncoding> {
    if (requested || (format !== 'mt940' && format !== 'csv')) return requested ?? 'UTF-8';
    const named = account ?? (format === 'mt940' ? await firstAccountOf(file.read()) : undefined);
    const setting = named ? await this.db.transaction(dataScopeOf(actor), (em) => findStatementEncoding(em, named)) : undefined;
    return setting ?? detectEncoding(() => file.read());
  }
}
