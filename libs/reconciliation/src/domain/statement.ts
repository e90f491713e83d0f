import { Money } from '@caravan/money';

// What every statement format becomes: a header, its entries one by one (a statement may
// hold a million), and its balances at the end. Amounts are positive decimal strings with a
// direction; nothing is a JS number.

export type Direction = 'CRDT' | 'DBIT';
export type BalanceType = 'OPBD' | 'CLBD' | 'CLAV' | 'FWAV' | 'OPAV' | 'PRCD' | 'ITBD' | 'OTHER';

export interface Balance {
  type: BalanceType;
  /** Signed: negative for a debit balance. */
  amount: string;
  currency: string;
  date: string;
}

export interface StatementHeader {
  format: 'camt.053' | 'camt.054' | 'MT940' | 'CSV';
  /** The bank's id for the statement: not trusted alone to recognise a repeat. */
  statementId: string;
  account: string;
  currency?: string;
  createdAt?: string;
}

export interface EntryDetail {
  /** Position of the transaction in the file, where the format has one per transaction. */
  line?: number;
  endToEndId?: string;
  amount?: string;
  counterpartyName?: string;
  counterpartyAccount?: string;
  remittance?: string;
}

export interface Entry {
  /** Position in the file (1-based), for messages. */
  line: number;
  amount: string;
  currency: string;
  direction: Direction;
  /** A reversal of an earlier booking (camt RvslInd, MT940 RC/RD). */
  reversal: boolean;
  bookingDate?: string;
  valueDate?: string;
  bankReference?: string;
  /** camt's BkTxCd as Domain/Family/SubFamily (e.g. ACMT/MDOP/CHRG) or its proprietary code; MT940's type code (e.g. NCHG). */
  bankTransactionCode?: string;
  details: EntryDetail[];
  /** MT940 :86: free or structured text. */
  information?: string;
}

/** One matchable statement line: an entry, or one transaction of a batched entry. */
export interface Transaction {
  line: number;
  amount: string;
  detail: EntryDetail;
  /** The batched entry this transaction was booked in. */
  batch?: { line: number; amount: string };
}

/** Two or more transactions, each with its amount: a line each. A batch without amounts stays one line. */
export function isBatch(entry: Entry): boolean {
  return entry.details.length >= 2 && entry.details.every((d) => d.amount !== undefined);
}

/** An entry's matchable lines: one per transaction of a batch, else the entry with its first transaction's details. */
export function transactionsOf(entry: Entry): Transaction[] {
  if (!isBatch(entry)) return [{ line: entry.line, amount: entry.amount, detail: entry.details[0] ?? {} }];
  const batch = { line: entry.line, amount: entry.amount };
  return entry.details.map((detail) => ({ line: detail.line ?? entry.line, amount: detail.amount!, detail, batch }));
}

/** Why a batch's transactions do not add up to its entry's amount, or undefined when they do. */
export function batchMismatch(entry: Entry): string | undefined {
  if (!isBatch(entry)) return undefined;
  const sum = entry.details.reduce((total, d) => total.plus(Money.of(d.amount!, entry.currency)), Money.zero(entry.currency));
  if (sum.equals(Money.of(entry.amount, entry.currency))) return undefined;
  return `the entry's amount ${entry.amount} is not the sum of its ${entry.details.length} transactions' amounts (${sum.toString()})`;
}

export type StatementEvent =
  { kind: 'statement'; header: StatementHeader } | { kind: 'entry'; entry: Entry } | { kind: 'end'; balances: Balance[] };

/** A file that cannot be read as a statement: the message names the line and the element. */
export class StatementFormatError extends Error {
  constructor(
    readonly line: number,
    readonly element: string,
    readonly reason: string,
  ) {
    super(`line ${line}, ${element}: ${reason}`);
    this.name = 'StatementFormatError';
  }
}

/** The effect of an entry on the balance: credits add, debits subtract. */
export function signed(entry: Pick<Entry, 'amount' | 'direction' | 'currency'>): Money {
  const m = Money.of(entry.amount, entry.currency);
  return entry.direction === 'CRDT' ? m : Money.zero(entry.currency).minus(m);
}

/** Totals of a statement's entries, gathered as they stream past. */
export class StatementTotals {
  count = 0;
  credits: Money;
  debits: Money;
  /** Net of the entries valued on or before each date, for value-date-aware balances. */
  private byValueDate = new Map<string, Money>();

  constructor(readonly currency: string) {
    this.credits = Money.zero(currency);
    this.debits = Money.zero(currency);
  }

  add(entry: Entry): void {
    this.count += 1;
    const amount = Money.of(entry.amount, this.currency);
    if (entry.direction === 'CRDT') this.credits = this.credits.plus(amount);
    else this.debits = this.debits.plus(amount);
    const date = entry.valueDate ?? entry.bookingDate ?? '';
    this.byValueDate.set(date, (this.byValueDate.get(date) ?? Money.zero(this.currency)).plus(signed(entry)));
  }

  netUpTo(date: string): Money {
    let net = Money.zero(this.currency);
    for (const [d, m] of this.byValueDate) if (d <= date) net = net.plus(m);
    return net;
  }

  net(): Money {
    return this.credits.minus(this.debits);
  }
}

/**
 * The opening balance plus the entries must give the closing balance. When a statement has a
 * closing booked balance, entries valued after its date count only towards forward balances
 * (a bank may book today what is valued tomorrow).
 */
export function verifyBalances(totals: StatementTotals, balances: Balance[]): string | undefined {
  const opening = balances.find((b) => b.type === 'OPBD');
  const closing = balances.find((b) => b.type === 'CLBD');
  if (!opening || !closing) return undefined; // a notification (camt.054) carries no balances
  if (opening.currency !== totals.currency || closing.currency !== totals.currency) {
    return `balances in ${opening.currency}/${closing.currency} for an account in ${totals.currency}`;
  }
  const start = Money.of(opening.amount, opening.currency);
  const expectedAll = start.plus(totals.net());
  const expectedByDate = start.plus(totals.netUpTo(closing.date));
  const close = Money.of(closing.amount, closing.currency);
  if (close.equals(expectedAll) || close.equals(expectedByDate)) return undefined;
  return `opening ${opening.amount} + entries ${totals.net().toString()} = ${expectedAll.toString()}, but the closing balance is ${closing.amount}`;
}
