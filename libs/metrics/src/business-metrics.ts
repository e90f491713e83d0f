/**
 * What the platform did, counted where it happens: the contexts' application services call this
 * port, each app plugs in its exporter (prom-client in the API, the Temporal SDK's meter in the
 * worker). Labels are closed sets (stages, formats, outcomes, rules): never an id, a person, a
 * bank or an amount, since every bank's volumes land in the same series.
 */
export abstract class BusinessMetrics {
  /** A financing moved from one stage to another (counted once per workflow step). */
  abstract financingStage(from: string, to: string): void;
  /** Lines a statement import added, by the file's format. */
  abstract statementLinesImported(format: string, lines: number): void;
  /** Statement lines decided: matched (by the rule, `method`), suggested, left unmatched by a run, or by a person. */
  abstract reconciliationLines(outcome: ReconciliationOutcome, method: string, lines: number): void;
  /** An SME registered a receivable. */
  abstract receivableRegistered(): void;
}

export type ReconciliationOutcome = 'matched' | 'suggested' | 'unmatched' | 'manual';

/** A counter as both exporters offer one. */
export interface Counter {
  add(value: number, labels: Record<string, string>): void;
}

export type CounterFactory = (name: string, help: string, labels: string[]) => Counter;

/** The business counters' names as Prometheus shows them (the exporters add `_total`). */
export const BUSINESS_COUNTERS = {
  financingStages: 'caravan_financing_stage_transitions',
  statementLines: 'caravan_statement_lines_imported',
  reconciliationLines: 'caravan_reconciliation_lines',
  receivables: 'caravan_receivables_registered',
} as const;

/** The business counters over whichever exporter an app has. */
export class CountingBusinessMetrics extends BusinessMetrics {
  private readonly stages: Counter;
  private readonly imported: Counter;
  private readonly decided: Counter;
  private readonly registered: Counter;

  constructor(counter: CounterFactory) {
    super();
    this.stages = counter(BUSINESS_COUNTERS.financingStages, 'Financings moved between stages', ['from', 'to']);
    this.imported = counter(BUSINESS_COUNTERS.statementLines, 'Bank statement lines imported (new ones)', ['format']);
    this.decided = counter(BUSINESS_COUNTERS.reconciliationLines, 'Statement lines decided, by outcome and matching rule', [
      'outcome',
      'method',
    ]);
    this.registered = counter(BUSINESS_COUNTERS.receivables, 'Receivables registered by SMEs', []);
  }

  financingStage(from: string, to: string): void {
    this.stages.add(1, { from, to });
  }

  statementLinesImported(format: string, lines: number): void {
    if (lines > 0) this.imported.add(lines, { format });
  }

  reconciliationLines(outcome: ReconciliationOutcome, method: string, lines: number): void {
    if (lines > 0) this.decided.add(lines, { outcome, method: method.toLowerCase() });
  }

  receivableRegistered(): void {
    this.registered.add(1, {});
  }
}
