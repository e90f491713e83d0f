import type { TokenAgent } from './api';
import { eventually } from './stack';

/** Starts an on-demand reconciliation run and waits for it to finish; returns the finished run. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the fields they assert on
export async function reconcile(backOffice: TokenAgent): Promise<Record<string, any>> {
  const started = (await backOffice.post('/reconciliation/runs').expect(201)).body;
  return eventually(async () => {
    const run = (await backOffice.get(`/reconciliation/runs/${started.id}`).expect(200)).body;
    return run.status === 'RUNNING' ? undefined : run;
  }, `reconciliation run ${started.id}`);
}
