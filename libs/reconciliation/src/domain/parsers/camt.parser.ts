import { SaxesParser } from 'saxes';
import type { Balance, BalanceType, Direction, Entry, EntryDetail, StatementEvent, StatementHeader } from '../statement';
import { StatementFormatError } from '../statement';
import { amountAt, currencyAt, dateAt } from './values';

const BALANCE_TYPES: BalanceType[] = ['OPBD', 'CLBD', 'CLAV', 'FWAV', 'OPAV', 'PRCD', 'ITBD'];

/**
 * Streams an ISO 20022 camt.053 (statement) or camt.054 (notification) file: entries are
 * yielded as they are read, so a file of any size is parsed in constant memory.
 */
export async function* parseCamt(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<StatementEvent> {
  const parser = new SaxesParser({ position: true });
  const out: StatementEvent[] = [];
  const path: string[] = [];
  let text = '';
  let currencyAttr: string | undefined;
  let format: StatementHeader['format'] | undefined;
  let header: Partial<StatementHeader> | undefined;
  let headerSent = false;
  let balances: Balance[] = [];
  let balance: Partial<Balance> & { sign?: string; line?: number } = {};
  let entry: (Partial<Entry> & { details: EntryDetail[] }) | undefined;
  let detail: EntryDetail | undefined;
  let failure: Error | undefined;

  const here = () => path.join('/');
  const under = (...names: string[]) => names.every((n, i) => path[path.length - names.length + i] === n);
  const sendHeader = () => {
    if (headerSent || !header) return;
    if (!header.statementId || !header.account) throw new StatementFormatError(parser.line, here(), 'the statement has no Id or account before its balances and entries');
    out.push({ kind: 'statement', header: { format: format!, ...header } as StatementHeader });
    headerSent = true;
  };

  parser.on('opentag', (tag) => {
    const name = tag.local ?? tag.name.replace(/^.*:/, '');
    path.push(name);
    text = '';
    currencyAttr = typeof tag.attributes.Ccy === 'string' ? tag.attributes.Ccy : (tag.attributes.Ccy as { value?: string } | undefined)?.value;
    if (name === 'BkToCstmrStmt') format = 'camt.053';
    if (name === 'BkToCstmrDbtCdtNtfctn') format = 'camt.054';
    if ((name === 'Stmt' || name === 'Ntfctn') && format) {
      header = {};
      headerSent = false;
      balances = [];
    } else if (name === 'Bal' && header) {
      sendHeader();
      balance = { line: parser.line };
    } else if (name === 'Ntry' && header) {
      sendHeader();
      entry = { line: parser.line, details: [], reversal: false };
    } else if (name === 'TxDtls' && entry) {
      detail = {};
    }
  });

  parser.on('text', (t) => (text += t));

  parser.on('closetag', () => {
    const name = path[path.length - 1];
    const value = text.trim();
    const line = parser.line;
    const where = here();
    if (header && !headerSent && !entry) {
      if (under('Stmt', 'Id') || under('Ntfctn', 'Id')) header.statementId = value;
      else if (under('Acct', 'Id', 'IBAN') || under('Acct', 'Id', 'Othr', 'Id')) header.account = value;
      else if (under('Acct', 'Ccy')) header.currency = currencyAt(value, line, where);
      else if (under('Stmt', 'CreDtTm') || under('Ntfctn', 'CreDtTm')) header.createdAt = value;
    }
    if (path.includes('Bal') && !entry) {
      if (under('Tp', 'CdOrPrtry', 'Cd')) balance.type = (BALANCE_TYPES as string[]).includes(value) ? (value as BalanceType) : 'OTHER';
      else if (under('Bal', 'Amt')) {
        balance.amount = amountAt(value, line, where);
        balance.currency = currencyAttr === undefined ? header?.currency : currencyAt(currencyAttr, line, where);
      } else if (under('Bal', 'CdtDbtInd')) balance.sign = value;
      else if (under('Bal', 'Dt', 'Dt') || under('Bal', 'Dt', 'DtTm')) balance.date = dateAt(value, line, where);
      else if (name === 'Bal') {
        if (!balance.type || !balance.amount || !balance.date || !balance.currency) throw new StatementFormatError(line, where, 'a balance needs a type, an amount with its currency and a date');
        balances.push({ type: balance.type, amount: balance.sign === 'DBIT' ? `-${balance.amount}` : balance.amount, currency: balance.currency, date: balance.date });
      }
    }
    if (entry) {
      if (detail && path.includes('TxDtls')) {
        if (under('Refs', 'EndToEndId') && value !== 'NOTPROVIDED') detail.endToEndId = value;
        else if (under('TxDtls', 'Amt') || under('AmtDtls', 'TxAmt', 'Amt')) detail.amount = amountAt(value, line, where);
        else if (under('RltdPties', entry.direction === 'DBIT' ? 'Cdtr' : 'Dbtr', 'Nm') || under('RltdPties', entry.direction === 'DBIT' ? 'Cdtr' : 'Dbtr', 'Pty', 'Nm')) detail.counterpartyName = value;
        else if (under(entry.direction === 'DBIT' ? 'CdtrAcct' : 'DbtrAcct', 'Id', 'IBAN')) detail.counterpartyAccount = value;
        else if (under('RmtInf', 'Ustrd') || under('CdtrRefInf', 'Ref')) detail.remittance = [detail.remittance, value].filter(Boolean).join(' ');
        else if (name === 'TxDtls') {
          entry.details.push(detail);
          detail = undefined;
        }
      } else if (under('Ntry', 'Amt')) {
        entry.amount = amountAt(value, line, where);
        entry.currency = currencyAttr === undefined ? header?.currency : currencyAt(currencyAttr, line, where);
      } else if (under('Ntry', 'CdtDbtInd')) {
        if (value !== 'CRDT' && value !== 'DBIT') throw new StatementFormatError(line, where, `"${value}" is neither CRDT nor DBIT`);
        entry.direction = value as Direction;
      } else if (under('Ntry', 'RvslInd')) entry.reversal = value === 'true';
      else if (under('BookgDt', 'Dt') || under('BookgDt', 'DtTm')) entry.bookingDate = dateAt(value, line, where);
      else if (under('ValDt', 'Dt') || under('ValDt', 'DtTm')) entry.valueDate = dateAt(value, line, where);
      else if (under('Ntry', 'AcctSvcrRef')) entry.bankReference = value;
      else if (name === 'Ntry') {
        if (!entry.amount || !entry.direction || !entry.currency) throw new StatementFormatError(entry.line!, 'Ntry', 'an entry needs Amt with its currency and CdtDbtInd');
        out.push({ kind: 'entry', entry: entry as Entry });
        entry = undefined;
      }
    }
    if ((name === 'Stmt' || name === 'Ntfctn') && header) {
      sendHeader();
      out.push({ kind: 'end', balances });
      header = undefined;
    }
    path.pop();
    text = '';
  });

  parser.on('error', (e) => {
    failure ??= new StatementFormatError(parser.line, here() || 'document', e.message.replace(/^(?:.*?:)?\d+:\d+: /, ''));
  });

  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift()!;
  };
  try {
    for await (const chunk of chunks) {
      parser.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      yield* drain();
    }
    parser.close();
  } catch (e) {
    if (e instanceof StatementFormatError) throw e;
    throw new StatementFormatError(parser.line, here() || 'document', (e as Error).message.replace(/^(?:.*?:)?\d+:\d+: /, ''));
  }
  yield* drain();
  if (!format) throw new StatementFormatError(parser.line, 'Document', 'not a camt.053 or camt.054 document');
}
