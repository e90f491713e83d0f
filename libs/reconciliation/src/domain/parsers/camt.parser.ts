import { SaxesParser } from 'saxes';
import type { Balance, BalanceType, Direction, Entry, EntryDetail, StatementEvent, StatementHeader } from '../statement';
import { batchMismatch, StatementFormatError } from '../statement';
import { amountAt, currencyAt, dateAt } from './values';

const BALANCE_TYPES: BalanceType[] = ['OPBD', 'CLBD', 'CLAV', 'FWAV', 'OPAV', 'PRCD', 'ITBD'];

type PendingBalance = Partial<Balance> & { sign?: string; line?: number };
type PendingEntry = Partial<Entry> & { details: EntryDetail[] };

/** The element that just closed. */
interface Closed {
  name: string;
  /** Its text, trimmed. */
  value: string;
  line: number;
  /** Its path, for messages. */
  where: string;
}

/** A statement (camt.053) or a notification (camt.054): each carries its own header. */
const isStatement = (name: string) => name === 'Stmt' || name === 'Ntfctn';

/** saxes prefixes a message with its position; the refusal names the line itself. */
const withoutPosition = (message: string) => message.replace(/^(?:.*?:)?\d+:\d+: /, '');

/**
 * What the SAX handlers share: the open elements, the statement, balance, entry and detail
 * being read, and the events waiting to be yielded. Each element is read as it closes.
 */
class CamtReader {
  readonly out: StatementEvent[] = [];
  format: StatementHeader['format'] | undefined;
  /** The open element's text so far. */
  text = '';
  private readonly path: string[] = [];
  /** The open element's Ccy attribute. */
  private currencyAttr: string | undefined;
  private header: Partial<StatementHeader> | undefined;
  private headerSent = false;
  private balances: Balance[] = [];
  private balance: PendingBalance = {};
  private entry: PendingEntry | undefined;
  private detail: EntryDetail | undefined;

  constructor(private readonly position: { readonly line: number }) {}

  here(): string {
    return this.path.join('/');
  }

  /** Whether the open elements end with these. */
  private under(...names: string[]): boolean {
    return names.every((n, i) => this.path[this.path.length - names.length + i] === n);
  }

  open(name: string, currencyAttr: string | undefined): void {
    this.path.push(name);
    this.text = '';
    this.currencyAttr = currencyAttr;
    if (name === 'BkToCstmrStmt') this.format = 'camt.053';
    if (name === 'BkToCstmrDbtCdtNtfctn') this.format = 'camt.054';
    if (isStatement(name) && this.format) {
      this.header = {};
      this.headerSent = false;
      this.balances = [];
    } else if (name === 'Bal' && this.header) {
      this.sendHeader();
      this.balance = { line: this.position.line };
    } else if (name === 'Ntry' && this.header) {
      this.sendHeader();
      this.entry = { line: this.position.line, details: [], reversal: false };
    } else if (name === 'TxDtls' && this.entry) {
      this.detail = { line: this.position.line };
    }
  }

  close(): void {
    const name = this.path[this.path.length - 1];
    const at: Closed = { name, value: this.text.trim(), line: this.position.line, where: this.here() };
    if (this.header && !this.headerSent && !this.entry) this.headerField(this.header, at);
    if (this.path.includes('Bal') && !this.entry) this.balanceField(at);
    if (this.entry) this.entryField(this.entry, at);
    if (isStatement(name) && this.header) {
      this.sendHeader();
      this.out.push({ kind: 'end', balances: this.balances });
      this.header = undefined;
    }
    this.path.pop();
    this.text = '';
  }

  /** The header is complete once a balance or an entry starts, or the statement ends. */
  private sendHeader(): void {
    if (this.headerSent || !this.header) return;
    if (!this.header.statementId || !this.header.account)
      throw new StatementFormatError(this.position.line, this.here(), 'the statement has no Id or account before its balances and entries');
    this.out.push({ kind: 'statement', header: { format: this.format!, ...this.header } as StatementHeader });
    this.headerSent = true;
  }

  /** An amount's Ccy attribute, or else the account's currency. */
  private amountCurrency(line: number, where: string): string | undefined {
    return this.currencyAttr === undefined ? this.header?.currency : currencyAt(this.currencyAttr, line, where);
  }

  private headerField(header: Partial<StatementHeader>, { value, line, where }: Closed): void {
    if (this.under('Stmt', 'Id') || this.under('Ntfctn', 'Id')) header.statementId = value;
    else if (this.under('Acct', 'Id', 'IBAN') || this.under('Acct', 'Id', 'Othr', 'Id')) header.account = value;
    else if (this.under('Acct', 'Ccy')) header.currency = currencyAt(value, line, where);
    else if (this.under('Stmt', 'CreDtTm') || this.under('Ntfctn', 'CreDtTm')) header.createdAt = value;
  }

  private balanceField({ name, value, line, where }: Closed): void {
    const balance = this.balance;
    if (this.under('Tp', 'CdOrPrtry', 'Cd')) balance.type = (BALANCE_TYPES as string[]).includes(value) ? (value as BalanceType) : 'OTHER';
    else if (this.under('Bal', 'Amt')) {
      balance.currency = this.amountCurrency(line, where);
      balance.amount = amountAt(value, line, where, balance.currency);
    } else if (this.under('Bal', 'CdtDbtInd')) balance.sign = value;
    else if (this.under('Bal', 'Dt', 'Dt') || this.under('Bal', 'Dt', 'DtTm')) balance.date = dateAt(value, line, where);
    else if (name === 'Bal') {
      if (!balance.type || !balance.amount || !balance.date || !balance.currency)
        throw new StatementFormatError(line, where, 'a balance needs a type, an amount with its currency and a date');
      this.balances.push({
        type: balance.type,
        amount: balance.sign === 'DBIT' ? `-${balance.amount}` : balance.amount,
        currency: balance.currency,
        date: balance.date,
      });
    }
  }

  private entryField(entry: PendingEntry, at: Closed): void {
    const { name, value, line, where } = at;
    if (this.detail && this.path.includes('TxDtls')) this.detailField(entry, this.detail, at);
    else if (this.under('Ntry', 'Amt')) {
      entry.currency = this.amountCurrency(line, where);
      entry.amount = amountAt(value, line, where, entry.currency);
    } else if (this.under('Ntry', 'CdtDbtInd')) {
      if (value !== 'CRDT' && value !== 'DBIT') throw new StatementFormatError(line, where, `"${value}" is neither CRDT nor DBIT`);
      entry.direction = value as Direction;
    } else if (this.under('Ntry', 'RvslInd')) entry.reversal = value === 'true';
    else if (this.under('BookgDt', 'Dt') || this.under('BookgDt', 'DtTm')) entry.bookingDate = dateAt(value, line, where);
    else if (this.under('ValDt', 'Dt') || this.under('ValDt', 'DtTm')) entry.valueDate = dateAt(value, line, where);
    else if (this.under('Ntry', 'AcctSvcrRef')) entry.bankReference = value;
    else if (this.under('Ntry', 'BkTxCd', 'Domn', 'Cd')) entry.bankTransactionCode = value;
    else if (this.under('Ntry', 'BkTxCd', 'Domn', 'Fmly', 'Cd') || this.under('Ntry', 'BkTxCd', 'Domn', 'Fmly', 'SubFmlyCd'))
      entry.bankTransactionCode = `${entry.bankTransactionCode ?? ''}/${value}`;
    else if (this.under('Ntry', 'BkTxCd', 'Prtry', 'Cd') && !entry.bankTransactionCode) entry.bankTransactionCode = value;
    else if (name === 'Ntry') {
      if (!entry.amount || !entry.direction || !entry.currency)
        throw new StatementFormatError(entry.line!, 'Ntry', 'an entry needs Amt with its currency and CdtDbtInd');
      const mismatch = batchMismatch(entry as Entry);
      if (mismatch) throw new StatementFormatError(entry.line!, 'Ntry', mismatch);
      this.out.push({ kind: 'entry', entry: entry as Entry });
      this.entry = undefined;
    }
  }

  private detailField(entry: PendingEntry, detail: EntryDetail, { name, value, line, where }: Closed): void {
    // The counterparty is the creditor of a debit and the debtor of a credit.
    const party = entry.direction === 'DBIT' ? 'Cdtr' : 'Dbtr';
    if (this.under('Refs', 'EndToEndId') && value !== 'NOTPROVIDED') detail.endToEndId = value;
    else if (this.under('TxDtls', 'Amt') || this.under('AmtDtls', 'TxAmt', 'Amt')) {
      // only an amount in the entry's currency is a share of it (another is what the payer instructed)
      const currency = this.amountCurrency(line, where) ?? entry.currency;
      if (currency === entry.currency) detail.amount ??= amountAt(value, line, where, currency);
    } else if (this.under('RltdPties', party, 'Nm') || this.under('RltdPties', party, 'Pty', 'Nm')) detail.counterpartyName = value;
    else if (this.under(`${party}Acct`, 'Id', 'IBAN')) detail.counterpartyAccount = value;
    else if (this.under('RmtInf', 'Ustrd') || this.under('CdtrRefInf', 'Ref'))
      detail.remittance = [detail.remittance, value].filter(Boolean).join(' ');
    else if (name === 'TxDtls') {
      entry.details.push(detail);
      this.detail = undefined;
    }
  }
}

/**
 * Streams an ISO 20022 camt.053 (statement) or camt.054 (notification) file: entries are
 * yielded as they are read, so a file of any size is parsed in constant memory.
 */
export async function* parseCamt(chunks: AsyncIterable<string | Buffer>): AsyncGenerator<StatementEvent> {
  const parser = new SaxesParser({ position: true });
  const reader = new CamtReader(parser);
  let failure: Error | undefined;

  parser.on('opentag', (tag) => {
    const ccy = tag.attributes.Ccy;
    const currencyAttr = typeof ccy === 'string' ? ccy : (ccy as { value?: string } | undefined)?.value;
    reader.open(tag.local ?? tag.name.replace(/^.*:/, ''), currencyAttr);
  });
  parser.on('text', (t) => (reader.text += t));
  parser.on('closetag', () => reader.close());
  parser.on('error', (e) => {
    failure ??= new StatementFormatError(parser.line, reader.here() || 'document', withoutPosition(e.message));
  });

  const drain = function* () {
    if (failure) throw failure;
    while (reader.out.length > 0) yield reader.out.shift()!;
  };
  try {
    for await (const chunk of chunks) {
      parser.write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      yield* drain();
    }
    parser.close();
  } catch (e) {
    if (e instanceof StatementFormatError) throw e;
    throw new StatementFormatError(parser.line, reader.here() || 'document', withoutPosition((e as Error).message));
  }
  yield* drain();
  if (!reader.format) throw new StatementFormatError(parser.line, 'Document', 'not a camt.053 or camt.054 document');
}
