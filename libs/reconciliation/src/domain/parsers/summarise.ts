import type { Balance, StatementEvent, StatementHeader } from '../statement';
import { StatementTotals, verifyBalances } from '../statement';

export interface StatementSummary {
  header: StatementHeader;
  entries: number;
  credits: string;
  debits: string;
  reversals: number;
  details: number;
  endToEndIds: string[];
  balances: Balance[];
  /** Why the balances do not reconcile, or undefined when they do (or there are none). */
  mismatch?: string;
}

/** Reads a stream of events into per-statement totals, keeping no entries. */
export async function summarise(events: AsyncIterable<StatementEvent>): Promise<StatementSummary[]> {
  const summaries: StatementSummary[] = [];
  let current: { header: StatementHeader; totals?: StatementTotals; reversals: number; details: number; endToEndIds: string[] } | undefined;
  for await (const event of events) {
    if (event.kind === 'statement') current = { header: event.header, reversals: 0, details: 0, endToEndIds: [] };
    else if (event.kind === 'entry' && current) {
      current.totals ??= new StatementTotals(event.entry.currency);
      current.totals.add(event.entry);
      if (event.entry.reversal) current.reversals += 1;
      current.details += event.entry.details.length;
      for (const d of event.entry.details) if (d.endToEndId) current.endToEndIds.push(d.endToEndId);
    } else if (event.kind === 'end' && current) {
      const totals = current.totals ?? new StatementTotals(current.header.currency ?? event.balances[0]?.currency ?? 'EUR');
      summaries.push({
        header: current.header,
        entries: totals.count,
        credits: totals.credits.toString(),
        debits: totals.debits.toString(),
        reversals: current.reversals,
        details: current.details,
        endToEndIds: current.endToEndIds,
        balances: event.balances,
        mismatch: verifyBalances(totals, event.balances),
      });
      current = undefined;
    }
  }
  return summaries;
}
