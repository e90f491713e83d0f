// The contract between the API, the worker and the reconciliation workflow; workflow-safe.

export const RECONCILIATION_WORKFLOW = 'reconciliationWorkflow';
/** Each bank has its daily run; the platform-wide schedule of before is removed on the worker's start. */
export const dailyScheduleId = (bankId: string) => `reconciliation-daily/${bankId}`;
export const LEGACY_DAILY_SCHEDULE = 'reconciliation-daily';

/** A run's workflow id is `reconciliation/<run id>`; the schedule appends its start time. */
export const reconciliationWorkflowId = (runId: string) => `reconciliation/${runId}`;
export const runIdOf = (workflowId: string) => workflowId.replace(/^reconciliation\//, '');

export interface ReconciliationInput {
  trigger: 'SCHEDULE' | 'ON_DEMAND';
  startedBy: string;
  /** Statement lines a batch (one activity) goes through. */
  batchSize: number;
  /** The bank whose lines the run goes through (runs of before had none, and went through all). */
  bankId?: string;
}

export interface ReconciliationRun {
  id: string;
  trigger: 'SCHEDULE' | 'ON_DEMAND';
  status: 'RUNNING' | 'DONE' | 'FAILED';
  /** Unmatched lines when the run began, and how many it has gone through. */
  total: number;
  processed: number;
  matched: number;
  suggested: number;
  startedAt: string;
  finishedAt: string | null;
  startedBy: string;
}
