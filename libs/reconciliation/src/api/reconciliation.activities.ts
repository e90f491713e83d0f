import { Injectable } from '@nestjs/common';
import { DomainError } from '@caravan/errors';
import type { ReconciliationRun } from './reconciliation.contract';
import { BatchResult, MatchingService } from '../application/matching.service';
import { reconciliationActor, ReconciliationRunsService } from '../application/reconciliation-runs.service';

interface OfBank {
  /** Runs scheduled before runs were per bank have none: they fail rather than reach every bank. */
  bankId?: string;
}

const bankOf = ({ bankId }: OfBank): string => {
  if (!bankId) throw new DomainError('RECONCILIATION.RUN_WITHOUT_BANK', 'this run predates per-bank runs; each bank runs its own now', 'conflict');
  return bankId;
};

/** The reconciliation workflow's activities, each for one bank: each commits its own progress, so a retry is safe. */
@Injectable()
export class ReconciliationActivities {
  constructor(
    private readonly runs: ReconciliationRunsService,
    private readonly matching: MatchingService,
  ) {}

  async beginReconciliation(input: OfBank & { runId: string; trigger: ReconciliationRun['trigger']; startedBy: string }): Promise<void> {
    await this.runs.begin(bankOf(input), input.runId, input.trigger, input.startedBy);
  }

  matchNextBatch(input: OfBank & { runId: string; size: number }): Promise<BatchResult> {
    return this.matching.runBatch(reconciliationActor(bankOf(input)), input.runId, input.size);
  }

  async forwardMatchedPayments(input: OfBank = {}): Promise<void> {
    await this.matching.forwardPayments(reconciliationActor(bankOf(input)));
  }

  finishReconciliation(input: OfBank & { runId: string }): Promise<ReconciliationRun> {
    return this.runs.end(bankOf(input), input.runId, 'DONE');
  }

  async failReconciliation(input: OfBank & { runId: string }): Promise<void> {
    await this.runs.end(bankOf(input), input.runId, 'FAILED');
  }
}
