import type { Balance, Entry, StatementEvent, StatementHeader } from '../statement';
import { StatementFormatError } from '../statement';
import { linesOf } from './lines';
import { amountAt } from './values';

const BALANCE = /^([CD])(\d{6})([A-Z]{3})(\d{1,15},\d{0,2})$/;
// :61: value date, [booking date], mark (C, D, RC, RD), [funds code], amount, type code,
// customer reference, [//bank reference], [newline + supplementary details]
const STATEMENT_LINE = /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?(\d{1,15},\d{0,2})([A-Z][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;
const END_TO_END = /(?:\/EREF\/|EREF\+)([^/?\n]+)/;

function date(yymmdd: string, line: number, element: string): string {
  const yy = Number(yymmdd.slice(0, 2));
  const iso = `${yy < 80 ? 2000 + yy : 1900 + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) throw new StatementFormatError(line, element, `"${yymmdd}" is not a date`);
  return iso;
}

function amount(text: string, line: number, element: string): string {
  const normal = text.replace(',', '.').replace(/\.$/, '').replace(/^0+(?=\d)/, '');
  return amountAt(normal, line, element);
}


/**
 * Streams SWIFT MT940 statements (several per file, as banks send them): entries are yielded
 * as they are read. RC/RD entries are reversals: a reversed credit counts as a debit.
 */
export async function* parseMt940(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<StatementEvent> {
  let lineNo = 0;
  let field: { tag: string; value: string; line: number } | undefined;
  let header: Partial<StatementHeader> | undefined;
  let currency: string | undefined;
  let balances: Balance[] = [];
  let pending: Entry | undefined;
  let statements = 0;
  const out: StatementEvent[] = [];

  const balanceOf = (type: Balance['type'], f: { value: string; line: number; tag: string }): Balance => {
    const m = BALANCE.exec(f.value.trim());
    if (!m) throw new StatementFormatError(f.line, `:${f.tag}:`, `"${f.value.trim()}" is not a balance (C|D, YYMMDD, currency, amount)`);
    const value = amount(m[4], f.line, `:${f.tag}:`);
    return { type, amount: m[1] === 'D' && value !== '0' ? `-${value}` : value, currency: m[3], date: date(m[2], f.line, `:${f.tag}:`) };
  };
  const flushEntry = () => {
    if (pending) out.push({ kind: 'entry', entry: pending });
    pending = undefined;
  };

  const handle = (f: { tag: string; value: string; line: number }) => {
    const element = `:${f.tag}:`;
    switch (f.tag) {
      case '20':
        if (header) throw new StatementFormatError(f.line, element, 'a new statement starts before the last one closed (:62F: or :62M: missing)');
        header = { format: 'MT940', statementId: f.value.trim() };
        balances = [];
        break;
      case '25':
        if (!header) throw new StatementFormatError(f.line, element, 'an account before any :20:');
        header.account = f.value.trim();
        break;
      case '28':
      case '28C':
        if (header) header.statementId = `${header.statementId}/${f.value.trim()}`;
        break;
      case '60F':
      case '60M': {
        if (!header?.account) throw new StatementFormatError(f.line, element, 'an opening balance before :20: and :25:');
        const opening = balanceOf('OPBD', f);
        currency = opening.currency;
        balances.push(opening);
        out.push({ kind: 'statement', header: { ...header, currency } as StatementHeader });
        break;
      }
      case '61': {
        if (!currency) throw new StatementFormatError(f.line, element, 'a statement line before the opening balance');
        flushEntry();
        const m = STATEMENT_LINE.exec(f.value);
        if (!m) throw new StatementFormatError(f.line, element, `"${f.value.split('\n')[0]}" is not a statement line (date, C/D/RC/RD, amount, type)`);
        const valueDate = date(m[1], f.line, element);
        let bookingDate = m[2] ? `${valueDate.slice(0, 4)}-${m[2].slice(0, 2)}-${m[2].slice(2)}` : undefined;
        if (bookingDate) {
          if (Number.isNaN(Date.parse(`${bookingDate}T00:00:00Z`))) throw new StatementFormatError(f.line, element, `"${m[2]}" is not a booking date`);
          // A booking in early January for a December value date belongs to the next year.
          if (m[2].startsWith('01') && valueDate.slice(5, 7) === '12') bookingDate = `${Number(valueDate.slice(0, 4)) + 1}${bookingDate.slice(4)}`;
        }
        const mark = m[3];
        pending = {
          line: f.line,
          amount: amount(m[5], f.line, element),
          currency,
          direction: mark === 'C' || mark === 'RD' ? 'CRDT' : 'DBIT',
          reversal: mark.startsWith('R'),
          valueDate,
          bookingDate,
          bankReference: m[8]?.trim() || (m[7].trim() !== 'NONREF' ? m[7].trim() : undefined),
          details: [],
        };
        break;
      }
      case '86': {
        if (pending) {
          const info = f.value.replace(/\n/g, '');
          pending.information = info;
          pending.details = [{ endToEndId: END_TO_END.exec(info)?.[1]?.trim(), remittance: info }];
          flushEntry();
        }
        break;
      }
      case '62F':
      case '62M':
        if (!header || !currency) throw new StatementFormatError(f.line, element, 'a closing balance without a statement');
        flushEntry();
        balances.push(balanceOf('CLBD', f));
        break;
      case '64':
        balances.push(balanceOf('CLAV', f));
        break;
      case '65':
        balances.push(balanceOf('FWAV', f));
        break;
      default:
        break;
    }
  };

  const closeStatement = () => {
    if (!header) return;
    if (!balances.some((b) => b.type === 'CLBD')) throw new StatementFormatError(lineNo, ':62F:', 'the statement ends without a closing balance');
    out.push({ kind: 'end', balances });
    statements += 1;
    header = undefined;
    currency = undefined;
  };

  // SWIFT's start and end of text (SOH, ETX) frame a message, they are no part of a line
  for await (const line of linesOf(chunks, 'latin1')) {
    const raw = line.replace(/[\x01\x03]/g, '');
    lineNo += 1;
    const tag = /^:(\d{2}[A-Z]?):(.*)$/.exec(raw);
    if (tag) {
      if (field) handle(field);
      // A new statement begins: the previous one is complete.
      if (tag[1] === '20') closeStatement();
      field = { tag: tag[1], value: tag[2], line: lineNo };
    } else if (field && raw.trim() !== '-' && !raw.startsWith('-}') && !raw.startsWith('{')) {
      field.value += `\n${raw}`;
    } else if (raw.trim() === '-' || raw.startsWith('-}')) {
      if (field) handle(field);
      field = undefined;
      closeStatement();
    }
    yield* out.splice(0);
  }
  if (field) handle(field);
  closeStatement();
  yield* out.splice(0);
  if (statements === 0) throw new StatementFormatError(lineNo, ':20:', 'no MT940 statement in the file');
}
