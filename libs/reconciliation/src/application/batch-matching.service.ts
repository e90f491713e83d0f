import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { BusinessMetrics, ReconciliationOutcome } from '@caravan/metrics';
import { Actor, dataScopeOf } from '@caravan/access';
import { Money } from '@caravan/money';
import {
  byAmountDateCounterparty,
  byReference,
  Draft,
  Line,
  manyToOne,
  oneToMany,
  OpenMovement,
  Proposal,
  referenceKey,
} from '../domain/matching';
import { findOpenByAmounts, findOpenByParties, findOpenByReferences } from '../infrastructure/expected-movement.repository';
import {
  decideByAmountDateCounterparty,
  decideByReference,
  lockMatching,
  retireSuggestionsOf,
} from '../infrastructure/match-decision.repository';
import { advanceRun, lockRun } from '../infrastructure/reconciliation-run.repository';
import { findAutomaticLinesAfter, findAutomaticLinesAwaitedBy } from '../infrastructure/statement-line.repository';
import { MatchDecisionsService } from './match-decisions.service';
import { StatementRulesService } from './statement-rules.service';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

export interface BatchResult {
  processed: number;
  matched: number;
  suggested: number;
  done: boolean;
}

/** A batch's lines, the decisions Node drafted, and the lines the database matched by reference and by amount, window and payer. */
interface BatchMatch {
  lines: Line[];
  drafts: Draft[];
  byReference: string[];
  byAmount: string[];
}

/** Why a suggestion was dropped when its lines were proposed for again. */
const STALE = 'proposed afresh';

/** What a batch has decided so far: its drafts, the lines made matches took, what the movements still await. */
class BatchPlan {
  readonly drafts: Draft[] = [];
  readonly taken = new Set<string>();
  readonly open = new Map<string, OpenMovement>();
  /** The drafts already written (`flush`). */
  readonly written: Draft[] = [];

  constructor(private readonly threshold: number) {}

  /** Writes the drafts so far, for a rule the database runs next to see; movements are loaded afresh after it. */
  async flush(em: EntityManager, decisions: MatchDecisionsService, decidedBy: string): Promise<void> {
    await decisions.record(em, decidedBy, this.drafts, this.open);
    this.written.push(...this.drafts.splice(0));
    this.open.clear();
  }

  /** One object a movement, whichever query loaded it: what a match settles, the next rule sees. */
  remember(rows: OpenMovement[]): OpenMovement[] {
    return rows.map((m) => this.open.get(m.id) ?? (this.open.set(m.id, m), m));
  }

  /** A proposal at or above the threshold is made (its lines taken, its movements settled by it); one below is suggested. */
  take(p: Proposal): void {
    const made = p.confidence >= this.threshold;
    this.drafts.push({ ...p, id: randomUUID(), status: made ? 'ACTIVE' : 'SUGGESTED' });
    if (!made) return;
    for (const link of p.links) {
      this.taken.add(link.lineId);
      const m = link.expectedId ? this.open.get(link.expectedId) : undefined;
      if (m) m.remaining = Money.of(m.remaining, m.currency).minus(Money.of(link.amount, m.currency)).toString();
    }
  }

  /** A line a standing rule explained: decided before any matching rule looks at it. */
  explained(d: Draft): void {
    this.drafts.push(d);
    for (const link of d.links) this.taken.add(link.lineId);
  }

  suggest(p: Proposal): void {
    this.drafts.push({ ...p, id: randomUUID(), status: 'SUGGESTED' });
  }

  stillOpen(ms: OpenMovement[]): OpenMovement[] {
    return ms.filter((m) => Money.of(m.remaining, m.currency).isPositive());
  }

  left(lines: Line[]): Line[] {
    return lines.filter((l) => !this.taken.has(l.id));
  }
}

/**
 * A bank's reconciliation run, one batch at a time: each batch of unmatched lines goes through
 * the rules in order (exact reference; amount + date window + counterparty; many-to-one;
 * one-to-many), within the bank's scope; a proposal at or above the configured confidence is
 * made, one below is kept as a suggestion.
 */
@Injectable()
export class BatchMatchingService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly config: AppConfig,
    private readonly decisions: MatchDecisionsService,
    private readonly rules: StatementRulesService,
    private readonly metrics: BusinessMetrics,
  ) {}

  /** Runs one batch of a bank's run in its own transaction, advancing the run's cursor with it; counts its lines once committed. */
  async runBatch(bank: Actor, runId: string, size: number): Promise<BatchResult> {
    let decided: BatchMatch = { lines: [], drafts: [], byReference: [], byAmount: [] };
    const result = await this.db.transaction(dataScopeOf(bank), async (em) => {
      await lockMatching(em);
      const run = await lockRun(em, runId);
      if (!run) throw ReconciliationErrors.RUN_NOT_FOUND(`no reconciliation run ${runId}`);
      if (run.status !== 'RUNNING') return { processed: 0, matched: 0, suggested: 0, done: true };
      decided = await this.matchBatch(em, bank, run.cursor, size);
      const { lines, drafts, byReference, byAmount } = decided;
      const made = drafts.filter((d) => d.status === 'ACTIVE');
      const matched = new Set([...byReference, ...byAmount, ...made.flatMap((d) => d.links.map((l) => l.lineId))]).size;
      const suggested = drafts.length - made.length;
      await advanceRun(em, runId, { processed: lines.length, matched, suggested, cursor: lines.at(-1)?.id ?? null });
      return { processed: lines.length, matched, suggested, done: lines.length < size };
    });
    for (const [key, count] of outcomesOf(decided)) {
      const [outcome, method] = key.split(':') as [ReconciliationOutcome, string];
      this.metrics.reconciliationLines(outcome, method, count);
    }
    return result;
  }

  /**
   * Runs the rules over the next `size` unmatched lines after `afterId`: the bank account's
   * standing rules first (its bank's charges are no payment), then the matching rules.
   * Suggestions made earlier for these lines are dropped and proposed afresh. The exact
   * reference rule and rule 2's certain matches are decided and written by the database
   * (`byReference`, `byAmount`: the lines it matched), each after what the rules before it
   * decided is written; Node decides the rest.
   */
  private async matchBatch(em: EntityManager, bank: Actor, afterId: string, size: number): Promise<BatchMatch> {
    const lines = (await findAutomaticLinesAfter(em, afterId, size)).map((l) => ({ ...l, endToEndId: referenceKey(l.endToEndId) }));
    if (lines.length === 0) return { lines, drafts: [], byReference: [], byAmount: [] };
    const decidedBy = bank.email;
    await retireSuggestionsOf(
      em,
      lines.map((l) => l.id),
      decidedBy,
      STALE,
    );
    const plan = new BatchPlan(this.config.RECONCILIATION_AUTO_MATCH_CONFIDENCE);
    for (const d of await this.rules.explain(
      em,
      bank,
      lines.map((l) => l.id),
    ))
      plan.explained(d);
    const quoting = plan.left(lines).filter((l) => l.endToEndId);
    const byReference = quoting.length
      ? await decideByReference(
          em,
          quoting.map((l) => l.id),
          decidedBy,
        )
      : [];
    for (const id of byReference) plan.taken.add(id);
    await matchReferences(em, plan, lines);
    await plan.flush(em, this.decisions, decidedBy);
    // rules 3 and 4 go through the payers of all the lines left here, the database's matches among them, as before
    const parties = [...new Set(plan.left(lines).map((l) => l.counterpartyKey))].filter((k): k is string => !!k);
    const amountLines = plan.left(lines).map((l) => l.id);
    const byAmount = amountLines.length ? await decideByAmountDateCounterparty(em, amountLines, decidedBy) : [];
    for (const id of byAmount) plan.taken.add(id);
    const byParty = await matchAmountsAndPayers(em, plan, lines, parties);
    await matchParts(em, plan, byParty);
    await plan.flush(em, this.decisions, decidedBy);
    return { lines, drafts: plan.written, byReference, byAmount };
  }
}

/** Rule 1 for the lines the database left: a reference it does not compare (not ASCII). */
async function matchReferences(em: EntityManager, plan: BatchPlan, lines: Line[]): Promise<void> {
  const references = [...new Set(lines.map((l) => l.endToEndId).filter((r): r is string => !!r))];
  const byRef = groupBy(plan.remember(await findOpenByReferences(em, references)), (m) => m.reference);
  for (const line of plan.left(lines)) {
    const p = line.endToEndId ? byReference(line, plan.stillOpen(byRef.get(line.endToEndId) ?? [])) : undefined;
    if (p) plan.take(p);
  }
}

/**
 * Rule 2 for the lines the database left (ties, weaker scores) and rule 3, several movements
 * of one payer at once, line by line. Answers the open movements of these payers, for rule 4.
 */
async function matchAmountsAndPayers(
  em: EntityManager,
  plan: BatchPlan,
  lines: Line[],
  parties: string[],
): Promise<Map<string, OpenMovement[]>> {
  const amounts = [...new Set(plan.left(lines).map((l) => l.amount))];
  const byAmount = plan.remember(amounts.length ? await findOpenByAmounts(em, amounts) : []);
  const byParty = groupBy(plan.remember(parties.length ? await findOpenByParties(em, parties) : []), (m) => m.counterpartyKey!);
  for (const line of plan.left(lines)) {
    const proposals = [
      byAmountDateCounterparty(line, plan.stillOpen(byAmount)),
      line.counterpartyKey ? manyToOne(line, plan.stillOpen(byParty.get(line.counterpartyKey) ?? [])) : undefined,
    ].filter((p): p is Proposal => !!p);
    const best = proposals.sort((a, b) => b.confidence - a.confidence)[0];
    if (best) plan.take(best);
    // what stays unmade is still worth showing: each weaker proposal is a suggestion too
    for (const p of proposals.slice(1)) if (!plan.taken.has(line.id)) plan.suggest(p);
  }
  return byParty;
}

/** Rule 4: a movement of these payers paid in parts, by lines of this batch and any other unmatched ones of the payer inside its window. */
async function matchParts(em: EntityManager, plan: BatchPlan, byParty: Map<string, OpenMovement[]>): Promise<void> {
  const open = [...byParty.values()].flatMap((movements) => plan.stillOpen(movements));
  if (open.length === 0) return;
  const ids = open.map((m) => m.id);
  const partyLines = groupBy(await findAutomaticLinesAwaitedBy(em, ids), (l) => l.counterpartyKey!);
  for (const m of open) {
    const p = oneToMany(
      m,
      (partyLines.get(m.counterpartyKey!) ?? []).filter((l) => !plan.taken.has(l.id)),
    );
    if (p) plan.take(p);
  }
}

/**
 * Each line a batch decided, once: matched by the rule that took it (the database's reference
 * match first), else suggested, else (a line of the batch) left unmatched; as `outcome:method` counts.
 */
function outcomesOf({ lines, drafts, byReference, byAmount }: BatchMatch): Map<string, number> {
  const outcome = new Map<string, string>([
    ...byReference.map((id): [string, string] => [id, 'matched:END_TO_END']),
    ...byAmount.map((id): [string, string] => [id, 'matched:AMOUNT_DATE_COUNTERPARTY']),
  ]);
  for (const status of ['ACTIVE', 'SUGGESTED'] as const)
    for (const d of drafts.filter((x) => x.status === status))
      for (const link of d.links)
        if (!outcome.has(link.lineId)) outcome.set(link.lineId, status === 'ACTIVE' ? `matched:${d.method}` : 'suggested:none');
  for (const line of lines) if (!outcome.has(line.id)) outcome.set(line.id, 'unmatched:none');
  const counts = new Map<string, number>();
  for (const key of outcome.values()) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
