import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { AppConfig } from '@caravan/config';
import { isUniqueViolation, ScopedDatabase } from '@caravan/database';
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
import { analyzeLines, insertLines, NewLine } from '../infrastructure/statement-line.repository';
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

const BATCH = 2000;
const BIG_IMPORT = 10_000;

/** A statement of the file being read: its row is written, its lines go in batches. */
interface Reading {
  id: string;
  header: StatementHeader;
  totals?: StatementTotals;
  batch: Entry[];
  newLines: number;
  occurrences: Map<string, number>;
  content: ReturnType<typeof createHash>;
  first?: string;
  last?: string;
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
      return await this.db.transaction(dataScopeOf(actor), async (em) => {
        await this.takeImportSlot(em);
        const events = parse(file.read());
        const imported: ImportedStatement[] = [];
        let current: Reading | undefined;
        for await (const event of events) {
          if (event.kind === 'statement') {
            current = {
              id: randomUUID(),
              header: event.header,
              batch: [],
              newLines: 0,
              occurrences: new Map(),
              content: createHash('sha256').update(event.header.account),
            };
            await insertStatement(em, current.id, event.header, actor.userId);
          } else if (event.kind === 'entry' && current) {
            current.totals ??= new StatementTotals(event.entry.currency);
            current.totals.add(event.entry);
            current.content.update(`\n${identityOf(event.entry)}`);
            const day = event.entry.bookingDate ?? event.entry.valueDate;
            if (day && (!current.first || day < current.first)) current.first = day;
            if (day && (!current.last || day > current.last)) current.last = day;
            current.batch.push(event.entry);
            if (current.batch.length >= BATCH)
              current.newLines += await this.writeLines(
                em,
                current.id,
                current.header.account,
                current.batch.splice(0),
                current.occurrences,
              );
          } else if (event.kind === 'end' && current) {
            imported.push(await this.endStatement(em, current, event.balances));
            current = undefined;
          }
        }
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
    } catch (e) {
      if (e instanceof StatementFormatError) throw ReconciliationErrors.BAD_STATEMENT(e.message, e.element);
      if (isUniqueViolation(e, 'bank_statements_once'))
        throw ReconciliationErrors.DUPLICATE_STATEMENT('this statement is being or was already imported');
      throw e;
    } finally {
      await file.dispose();
    }
  }

  /** Ends a statement: its last lines written, its balances checked, a repeat refused, its row completed. */
  private async endStatement(em: EntityManager, current: Reading, balances: Balance[]): Promise<ImportedStatement> {
    current.newLines += await this.writeLines(em, current.id, current.header.account, current.batch.splice(0), current.occurrences);
    const totals = current.totals ?? new StatementTotals(current.header.currency ?? 'XXX');
    const mismatch = verifyBalances(totals, balances);
    if (mismatch) throw new StatementFormatError(0, `statement ${current.header.statementId}`, `does not reconcile: ${mismatch}`);
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
      newLines: current.newLines,
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
      newLines: current.newLines,
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

  /** Writes a batch; a line whose fingerprint the account already has is not written again. */
  private async writeLines(
    em: EntityManager,
    statementId: string,
    account: string,
    entries: Entry[],
    occurrences: Map<string, number>,
  ): Promise<number> {
    if (entries.length === 0) return 0;
    const lines = entries.flatMap((e) =>
      transactionsOf(e).map((t): NewLine => {
        const d = t.detail;
        const identity = lineIdentityOf(e, t);
        // counted by a short digest: a million full identities would cost hundreds of MB
        const key = createHash('sha1').update(identity).digest('base64');
        const nth = (occurrences.get(key) ?? 0) + 1;
        occurrences.set(key, nth);
        return {
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
          fingerprint: createHash('sha256').update(`${identity}#${nth}`).digest('hex'),
        };
      }),
    );
    return insertLines(em, statementId, account, lines);
  }
}
