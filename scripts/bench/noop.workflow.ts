import { proxyActivities } from '@temporalio/workflow';

// The reference for the financing benchmark: a bare workflow running the same number of
// activities, each doing nothing.
const { noop } = proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

export async function noopWorkflow(activities: number): Promise<void> {
  for (let i = 0; i < activities; i++) await noop();
}
