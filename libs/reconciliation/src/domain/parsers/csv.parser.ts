import type { Direction, Entry, StatementEvent } from '../statement';
import { StatementFormatError } from '../statement';
import type { StatementEncoding } from './encoding';
import { linesOf } from './lines';
import { amountAt, dateAt } from './values';

/** How one bank account's CSV export is laid out; saved per account by the back office. */
export interface CsvMapping {
  delimiter: ',' | ';' | '\t';
  hasHeader: boolean;
  decimalSeparator: '.' | ',';
  dateFormat: 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'YYYYMMDD' | 'DD/MM/YYYY';
  currency: string;
  /** 1-based column numbers. A signed `amount`, or `debit` and `credit` columns. */
  columns: {
    bookingDate: number;
    valueDate?: number;
    amount?: number;
    debit?: number;
    credit?: number;
    reference?: number;
    endToEndId?: number;
    counterpartyName?: number;
    counterpartyAccount?: number;
    remittance?: number;
  };
}

/** Splits one CSV line, with "quoted" fields that may hold the delimiter and "" for a quote. */
function fields(line: string, delimiter: string, lineNo: number): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      out.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) throw new StatementFormatError(lineNo, 'line', 'a quoted field is not closed');
  out.push(field);
  return out;
}

function isoDate(value: string, format: CsvMapping['dateFormat'], line: number, column: string): string {
  const v = value.trim();
  const m =
    format === 'DD.MM.YYYY'
      ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(v)?.slice(1).reverse()
      : format === 'DD/MM/YYYY'
        ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v)?.slice(1).reverse()
        : format === 'YYYYMMDD'
          ? /^(\d{4})(\d{2})(\d{2})$/.exec(v)?.slice(1)
          : /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)?.slice(1);
  return dateAt(m ? m.join('-') : v, line, column);
}

function column(cells: string[], n: number | undefined, name: string, line: number, required = false): string | undefined {
  if (n === undefined) return undefined;
  const v = cells[n - 1];
  if (v === undefined && required)
    throw new StatementFormatError(line, `column ${n} (${name})`, `the line has only ${cells.length} columns`);
  return v?.trim() || undefined;
}

// "1.234,56" or "1,234.56" → "1234.56": grouping dropped, the decimal separator a point.
const money = (v: string | undefined, decimalSeparator: CsvMapping['decimalSeparator']) =>
  (v ?? '')
    .replace(/\s/g, '')
    .replace(decimalSeparator === ',' ? /\./g : /,/g, '')
    .replace(',', '.');

/** A signed amount column, or a debit and a credit column of which one is filled. */
function amountOf(cells: string[], mapping: CsvMapping, line: number): { direction: Direction; amount: string } {
  const c = mapping.columns;
  if (c.amount !== undefined) {
    const signedAmount = money(column(cells, c.amount, 'amount', line, true), mapping.decimalSeparator);
    return {
      direction: signedAmount.startsWith('-') ? 'DBIT' : 'CRDT',
      amount: amountAt(signedAmount.replace(/^[-+]/, ''), line, `column ${c.amount} (amount)`, mapping.currency),
    };
  }
  const debit = money(column(cells, c.debit, 'debit', line), mapping.decimalSeparator);
  const credit = money(column(cells, c.credit, 'credit', line), mapping.decimalSeparator);
  return {
    direction: debit ? 'DBIT' : 'CRDT',
    amount: amountAt(debit || credit, line, `column ${debit ? c.debit : c.credit} (${debit ? 'debit' : 'credit'})`, mapping.currency),
  };
}

/** The entry on a line, or undefined for a blank line. */
function entryOf(raw: string, line: number, mapping: CsvMapping): Entry | undefined {
  if (!raw.trim()) return undefined;
  const cells = fields(raw, mapping.delimiter, line);
  const c = mapping.columns;
  const { direction, amount } = amountOf(cells, mapping, line);
  const remittance = column(cells, c.remittance, 'remittance', line);
  return {
    line,
    amount,
    currency: mapping.currency,
    direction,
    reversal: false,
    bookingDate: isoDate(
      column(cells, c.bookingDate, 'bookingDate', line, true)!,
      mapping.dateFormat,
      line,
      `column ${c.bookingDate} (bookingDate)`,
    ),
    valueDate: c.valueDate
      ? isoDate(column(cells, c.valueDate, 'valueDate', line, true)!, mapping.dateFormat, line, `column ${c.valueDate} (valueDate)`)
      : undefined,
    bankReference: column(cells, c.reference, 'reference', line),
    details: [
      {
        endToEndId: column(cells, c.endToEndId, 'endToEndId', line),
        counterpartyName: column(cells, c.counterpartyName, 'counterpartyName', line),
        counterpartyAccount: column(cells, c.counterpartyAccount, 'counterpartyAccount', line),
        remittance,
      },
    ],
    information: remittance,
  };
}

/**
 * Streams a bank's CSV export through the account's saved mapping. A CSV carries no
 * balances, so it is one statement identified by its account and its content.
 */
export function parseCsv(mapping: CsvMapping, account: string, encoding: StatementEncoding = 'UTF-8') {
  return async function* (chunks: AsyncIterable<string | Buffer>): AsyncGenerator<StatementEvent> {
    let lineNo = 0;
    let started = false;
    const handle = function* (raw: string): Generator<StatementEvent> {
      lineNo += 1;
      if (lineNo === 1 && mapping.hasHeader) return;
      const entry = entryOf(raw.replace(/^\uFEFF/, ''), lineNo, mapping);
      if (!entry) return;
      if (!started) {
        started = true;
        yield { kind: 'statement', header: { format: 'CSV', statementId: `csv:${account}`, account, currency: mapping.currency } };
      }
      yield { kind: 'entry', entry };
    };
    for await (const raw of linesOf(chunks, encoding)) yield* handle(raw);
    if (!started) throw new StatementFormatError(lineNo, 'file', 'holds no lines');
    yield { kind: 'end', balances: [] };
  };
}
