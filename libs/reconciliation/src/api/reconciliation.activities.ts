import { Injectable } from '@nestjs/common';
import type { ReconciliationRun } from './reconciliation.contract';
import { BatchMatchingService, BatchResult } from '../application/batch-matching.service';
import { MatchForwardingService } from '../application/match-forwarding.service';
import { reconciliationActor, ReconciliationRunsService } from '../application/reconciliation-runs.service';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

interface OfBank {
  /** Runs scheduled before runs were per bank have none: they fail rather than reach every bank. */
  bankId?: string;
}

const bankOf = ({ bankId }: OfBank): string => {
  if (!bankId) throw ReconciliationErrors.RUN_WITHOUT_BANK('this run predates per-bank runs; each bank runs its own now');
  return bankId;
};

/** The reconciliation workflow's activities, each for one bank: each commits its own progress, so a retry is safe. */
@Injectable()
export class ReconciliationActivities {
  constructor(
    private readonly runs: ReconciliationRunsService,
    private readonly batches: BatchMatchingService,
    private readonly forwarder: MatchForwardingService,
  ) {}

  async beginReconciliation(input: OfBank & { runId: string; trigger: ReconciliationRun['trigger']; startedBy: string }): Promise<void> {
    await this.runs.begin(bankOf(input), input.runId, input.trigger, input.startedBy);
  }

  matchNextBatch(input: OfBank & { runId: string; size: number }): Promise<BatchResult> {
    return this.batches.runBatch(reconciliationActor(bankOf(input)), input.runId, input.size);
  }

  async forwardMatchedPayments(input: OfBank = {}): Promise<void> {
    await this.forwarder.forwardPayments(reconciliationActor(bankOf(input)));
  }

  finishReconciliation(input: OfBank & { runId: string }): Promise<ReconciliationRun> {
    return this.runs.end(bankOf(input), input.runId, 'DONE');
  }

  async failReconciliation(input: OfBank & { runId: string }): Promise<void> {
    await this.runs.end(bankOf(input), input.runId, 'FAILED');
  }
}
