import { Money } from '@caravan/money';
import type { EntryDraft, Line } from './accounts';
import { LedgerErrors } from './ledger.errors';

/** Refuses an entry that does not balance, or a line that is not exactly one positive side. */
export function assertBalanced(entry: EntryDraft): void {
  const currency = entry.currency ?? 'CNY';
  if (entry.lines.length < 2) throw LedgerErrors.TOO_FEW_LINES('an entry needs at least two lines', 'lines');
  let debits = Money.zero(currency);
  let credits = Money.zero(currency);
  for (const line of entry.lines) {
    if ((line.debit === undefined) === (line.credit === undefined)) {
      throw LedgerErrors.ONE_SIDE_PER_LINE(`a line on ${line.account} must be a debit or a credit`, 'lines');
    }
    const amount = Money.of((line.debit ?? line.credit)!, currency);
    if (!amount.isPositive()) throw LedgerErrors.NON_POSITIVE_LINE(`a line on ${line.account} must be positive`, 'lines');
    if (line.debit) debits = debits.plus(amount);
    else credits = credits.plus(amount);
  }
  if (!debits.equals(credits)) {
    throw LedgerErrors.UNBALANCED(`debits ${debits.toString()} ≠ credits ${credits.toString()}`, 'lines');
  }
}

/** A reversal: the same lines, sides swapped. Entries are never edited. */
export function reversedLines(lines: Line[]): Line[] {
  return lines.map((l) => ({ account: l.account, debit: l.credit, credit: l.debit }));
}

/** Drops zero lines: a template (fee, surplus) may produce them. */
export function nonZero(lines: Line[]): Line[] {
  return lines.filter((l) => !Money.of((l.debit ?? l.credit)!).isZero());
}
