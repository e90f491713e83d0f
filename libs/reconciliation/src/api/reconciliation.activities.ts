import { Injectable } from '@nestjs/common';
import type { ReconciliationRun } from '../../../temporal/src/contracts/reconciliation.contract';
import { BatchResult, MatchingService } from '../application/matching.service';
import { ReconciliationRunsService } from '../application/reconciliation-runs.service';

const ACTOR = 'system:reconciliation-workflow';

/** The reconciliation workflow's activities: each commits its own progress, so a retry is safe. */
@Injectable()
export class ReconciliationActivities {
  constructor(
    private readonly runs: ReconciliationRunsService,
    private readonly matching: MatchingService,
  ) {}

  async beginReconciliation(input: { runId: string; trigger: ReconciliationRun['trigger']; startedBy: string }): Promise<void> {
    await this.runs.begin(input.runId, input.trigger, input.startedBy);
  }

  matchNextBatch(input: { runId: string; size: number }): Promise<BatchResult> {
    return this.matching.runBatch(ACTOR, input.runId, input.size);
  }

  async forwardMatchedPayments(): Promise<void> {
    await this.matching.forwardPayments(ACTOR);
  }

  finishReconciliation(input: { runId: string }): Promise<ReconciliationRun> {
    return this.runs.end(input.runId, 'DONE');
  }

  async failReconciliation(input: { runId: string }): Promise<void> {
    await this.runs.end(input.runId, 'FAILED');
  }
}
