import { receivableConfirmationWorkflowId } from '../../libs/temporal/src';
import { startApi, TestApi } from '../support/api';
import { confirmation, creditorId, debtorId, receivableBody } from '../support/receivables';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';
import type { AppConfig } from '../../libs/config/src';

describe('the worker killed in the middle of the confirmation flow', () => {
  let config: AppConfig;
  let api: TestApi;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    config = await isolatedConfig('crash');
    api = await startApi(config);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const eventsOf = (id: string) =>
    api.db.query('SELECT transition FROM receivable_events WHERE receivable_id = $1 ORDER BY id', [id]) as Promise<
      Array<{ transition: string }>
    >;

  it('completes after a restart, each step recorded exactly once', async () => {
    worker = await startWorkerProcess(config, api.temporal);
    const created = (await api.http().post('/receivables').send(receivableBody()).expect(201)).body;
    await eventually(async () => ((await eventsOf(created.id)).length === 1 ? true : undefined), 'submission');

    await worker.crash();

    // The debtor answers while no worker runs: the update waits for one instead of failing.
    const answer = api.http().post(`/receivables/${created.id}/confirm`).send(confirmation).then((r) => r);
    await new Promise((r) => setTimeout(r, 1500));
    worker = await startWorkerProcess(config, api.temporal);

    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('CONFIRMED');
    expect((await eventsOf(created.id)).map((e) => e.transition)).toEqual(['submit', 'confirm']);

    const handle = api.temporal.workflow.getHandle(
      receivableConfirmationWorkflowId({ creditorId, debtorId, invoiceNumber: created.invoiceNumber }),
    );
    expect(await handle.result()).toMatchObject({ stage: 'CONFIRMED' });
  });

  it('loses nothing when killed right after registration, before its first activity ran', async () => {
    const created = (await api.http().post('/receivables').send(receivableBody()).expect(201)).body;
    await worker!.crash();
    worker = await startWorkerProcess(config, api.temporal);
    await eventually(async () => ((await eventsOf(created.id)).length === 1 ? true : undefined), 'submission after restart');
    await api.http().post(`/receivables/${created.id}/confirm`).send(confirmation).expect(200);
    expect((await eventsOf(created.id)).map((e) => e.transition)).toEqual(['submit', 'confirm']);
  });
});
