import type { Balance, Entry, StatementEvent, StatementHeader } from '../statement';
import { StatementFormatError } from '../statement';
import type { StatementEncoding } from './encoding';
import { linesOf } from './lines';
import { detailOfInformation } from './mt940-information';
import { amountAt, currencyAt } from './values';

// Amounts are judged by their currency's minor unit (amountAt), not by the pattern.
const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d{1,15},\d*)$/;
// :61: value date, [booking date], mark (C, D, RC, RD), [funds code], amount, type code,
// customer reference, [//bank reference], [newline + supplementary details]
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15},\d*)([A-Z][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

function date(yymmdd: string, line: number, element: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const iso = `${yy < 80 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso)
    throw new StatementFormatError(line, element, `"${yymmdd}" is not a date`);
  return iso;
}

function amount(text: string, currency: string, line: number, element: string): string {
  const normal = text
    .replace(',', '.')
    .replace(/\.$/, '')
    .replace(/^0+(?=\d)/, '');
  return amountAt(normal, line, element, currency);
}

/** A tag and its value, continuation lines included, and the line the tag is on. */
interface Field {
  tag: string;
  value: string;
  line: number;
}

/** The statement being read; events wait in `out` until the reader yields them, line by line. */
interface Mt940State {
  header?: Partial<StatementHeader>;
  /** Set by the opening balance: :61: lines before it have no currency. */
  currency?: string;
  balances: Balance[];
  /** A :61: line waits for its :86: to complete it. */
  pending?: Entry;
  statements: number;
  out: StatementEvent[];
}

function balanceOf(type: Balance['type'], f: Field): Balance {
  const m = BALANCE.exec(f.value.trim());
  if (!m) throw new StatementFormatError(f.line, `:${f.tag}:`, `"${f.value.trim()}" is not a balance (C|D, YYMMDD, currency, amount)`);
  const currency = currencyAt(m[3], f.line, `:${f.tag}:`);
  const value = amount(m[4], currency, f.line, `:${f.tag}:`);
  return { type, amount: m[1] === 'D' && value !== '0' ? `-${value}` : value, currency, date: date(m[2], f.line, `:${f.tag}:`) };
}

function flushEntry(s: Mt940State): void {
  if (s.pending) s.out.push({ kind: 'entry', entry: s.pending });
  s.pending = undefined;
}

/** :20: opens a statement, :25: names its account, :28C: numbers it (joined to the id). */
function headerField(s: Mt940State, f: Field): void {
  const element = `:${f.tag}:`;
  if (f.tag === '20') {
    if (s.header)
      throw new StatementFormatError(f.line, element, 'a new statement starts before the last one closed (:62F: or :62M: missing)');
    s.header = { format: 'MT940', statementId: f.value.trim() };
    s.balances = [];
  } else if (f.tag === '25') {
    if (!s.header) throw new StatementFormatError(f.line, element, 'an account before any :20:');
    s.header.account = f.value.trim();
  } else if (s.header) {
    s.header.statementId = `${s.header.statementId}/${f.value.trim()}`;
  }
}

/** :60F:, :60M: the statement's header is sent with the opening balance, which gives its currency. */
function openingBalance(s: Mt940State, f: Field): void {
  if (!s.header?.account) throw new StatementFormatError(f.line, `:${f.tag}:`, 'an opening balance before :20: and :25:');
  const opening = balanceOf('OPBD', f);
  s.currency = opening.currency;
  s.balances.push(opening);
  s.out.push({ kind: 'statement', header: { ...s.header, currency: s.currency } as StatementHeader });
}

/** :62F:, :62M: end the entries; :64: and :65: (available balances) may follow. */
function closingBalance(s: Mt940State, f: Field): void {
  if (f.tag === '62F' || f.tag === '62M') {
    if (!s.header || !s.currency) throw new StatementFormatError(f.line, `:${f.tag}:`, 'a closing balance without a statement');
    flushEntry(s);
    s.balances.push(balanceOf('CLBD', f));
  } else {
    s.balances.push(balanceOf(f.tag === '64' ? 'CLAV' : 'FWAV', f));
  }
}

/** A :61: booking date is MMDD: its year is the value date's. */
function bookingDateOf(mmdd: string, valueDate: string, line: number, element: string): string {
  const bookingDate = `${valueDate.slice(0, 4)}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`;
  if (Number.isNaN(Date.parse(`${bookingDate}T00:00:00Z`)))
    throw new StatementFormatError(line, element, `"${mmdd}" is not a booking date`);
  // A booking in early January for a December value date belongs to the next year.
  if (mmdd.startsWith('01') && valueDate.slice(5, 7) === '12') return `${Number(valueDate.slice(0, 4)) + 1}${bookingDate.slice(4)}`;
  return bookingDate;
}

function entryOf(f: Field, currency: string): Entry {
  const element = `:${f.tag}:`;
  const m = STATEMENT_LINE.exec(f.value);
  if (!m)
    throw new StatementFormatError(f.line, element, `"${f.value.split('\n')[0]}" is not a statement line (date, C/D/RC/RD, amount, type)`);
  const valueDate = date(m[1], f.line, element);
  const bookingDate = m[2] ? bookingDateOf(m[2], valueDate, f.line, element) : undefined;
  const mark = m[3];
  return {
    line: f.line,
    amount: amount(m[5], currency, f.line, element),
    currency,
    direction: mark === 'C' || mark === 'RD' ? 'CRDT' : 'DBIT',
    reversal: mark.startsWith('R'),
    valueDate,
    bookingDate,
    bankReference: m[8]?.trim() || (m[7].trim() !== 'NONREF' ? m[7].trim() : undefined),
    bankTransactionCode: m[6],
    details: [],
  };
}

/** :61: an entry, sent once its :86: or the next entry or closing balance is read. */
function statementLine(s: Mt940State, f: Field): void {
  if (!s.currency) throw new StatementFormatError(f.line, `:${f.tag}:`, 'a statement line before the opening balance');
  flushEntry(s);
  s.pending = entryOf(f, s.currency);
}

/** :86: the information of the entry before it; one after the closing balance belongs to none. */
function information(s: Mt940State, f: Field): void {
  if (!s.pending) return;
  const info = f.value.replace(/\n/g, '');
  s.pending.information = info;
  s.pending.details = [detailOfInformation(info)];
  flushEntry(s);
}

/** Tags not read here (:21:, :13D:, :34F:, ...) are skipped. */
function handleField(s: Mt940State, f: Field): void {
  switch (f.tag) {
    case '20':
    case '25':
    case '28':
    case '28C':
      return headerField(s, f);
    case '60F':
    case '60M':
      return openingBalance(s, f);
    case '61':
      return statementLine(s, f);
    case '86':
      return information(s, f);
    case '62F':
    case '62M':
    case '64':
    case '65':
      return closingBalance(s, f);
    default:
      return undefined;
  }
}

function closeStatement(s: Mt940State, lineNo: number): void {
  if (!s.header) return;
  if (!s.balances.some((b) => b.type === 'CLBD'))
    throw new StatementFormatError(lineNo, ':62F:', 'the statement ends without a closing balance');
  s.out.push({ kind: 'end', balances: s.balances });
  s.statements += 1;
  s.header = undefined;
  s.currency = undefined;
}

/**
 * Streams SWIFT MT940 statements (several per file, as banks send them): entries are yielded
 * as they are read. RC/RD entries are reversals: a reversed credit counts as a debit.
 */
export async function* parseMt940(
  chunks: AsyncIterable<string | Buffer>,
  encoding: StatementEncoding = 'ISO-8859-1',
): AsyncGenerator<StatementEvent> {
  const s: Mt940State = { balances: [], statements: 0, out: [] };
  let lineNo = 0;
  // A field is read once the next tag (or the end of the message) shows it has no more lines.
  let field: Field | undefined;

  // SWIFT's start and end of text (SOH, ETX) frame a message, they are no part of a line
  for await (const line of linesOf(chunks, encoding)) {
    // eslint-disable-next-line no-control-regex -- the control characters are what is removed
    const raw = line.replace(/[\x01\x03]/g, '');
    lineNo += 1;
    const tag = /^:(\d{2}[A-Z]?):(.*)$/.exec(raw);
    if (tag) {
      if (field) handleField(s, field);
      // A new statement begins: the previous one is complete.
      if (tag[1] === '20') closeStatement(s, lineNo);
      field = { tag: tag[1], value: tag[2], line: lineNo };
    } else if (field && raw.trim() !== '-' && !raw.startsWith('-}') && !raw.startsWith('{')) {
      field.value += `\n${raw}`;
    } else if (raw.trim() === '-' || raw.startsWith('-}')) {
      if (field) handleField(s, field);
      field = undefined;
      closeStatement(s, lineNo);
    }
    yield* s.out.splice(0);
  }
  if (field) handleField(s, field);
  closeStatement(s, lineNo);
  yield* s.out.splice(0);
  if (s.statements === 0) throw new StatementFormatError(lineNo, ':20:', 'no MT940 statement in the file');
}

/** The account (:25:) of a file's first statement, read from its first lines, to find the account's settings by. */
export async function firstAccountOf(chunks: AsyncIterable<Buffer>): Promise<string | undefined> {
  let n = 0;
  for await (const line of linesOf(chunks, 'ISO-8859-1')) {
    const account = /^:25:(.+)$/.exec(line)?.[1]?.trim();
    if (account || ++n >= 100) return account || undefined;
  }
  return undefined;
}
