import type { AppConfig } from '@caravan/config';
import { receivableConfirmationWorkflowId } from '@caravan/receivables';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

describe('the worker killed in the middle of the confirmation flow', () => {
  let config: AppConfig;
  let api: TestApi;
  let worker: WorkerProcess | undefined;
  let sme: TokenAgent;
  let debtor: TokenAgent;

  beforeAll(async () => {
    config = await isolatedConfig('crash');
    api = await startApi(config);
    sme = await api.as(PEOPLE.applicant);
    debtor = await api.as(PEOPLE.payablesClerk);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const actionsOf = async (id: string): Promise<string[]> =>
    (await api.owner.query(`SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY id`, [id])).map(
      (e: { action: string }) => e.action,
    );
  const workflowStarted = (id: string) =>
    eventually(
      async () =>
        (await api.owner.query(`SELECT 1 FROM audit_events WHERE entity_id = $1 AND action = 'receivable.submit'`, [id])).length
          ? true
          : undefined,
      'submission',
    );

  async function submitted() {
    const created = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body;
    await sme.post(`/receivables/${created.id}/submit`).expect(200);
    await workflowStarted(created.id);
    return created;
  }

  it('completes after a restart, each step recorded exactly once', async () => {
    worker = await startWorkerProcess(config, api.temporal);
    const created = await submitted();
    const handle = api.temporal.workflow.getHandle(
      receivableConfirmationWorkflowId({
        creditorId: api.parties.hami,
        debtorId: api.parties.powerGroup,
        invoiceNumber: created.invoiceNumber,
      }),
    );
    await eventually(
      async () => ((await handle.query('confirmationState')) as { stage: string }).stage === 'AWAITING_DEBTOR' || undefined,
      'awaiting the debtor',
    );

    await worker.crash();

    // The debtor answers while no worker runs: the update waits for one instead of failing.
    const answer = debtor
      .post(`/receivables/${created.id}/confirm`)
      .send({})
      .then((r) => r);
    await new Promise((r) => setTimeout(r, 1500));
    worker = await startWorkerProcess(config, api.temporal);

    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('CONFIRMED');
    expect(await actionsOf(created.id)).toEqual(['receivable.register', 'receivable.submit', 'receivable.confirm']);
    expect(await handle.result()).toMatchObject({ stage: 'CONFIRMED' });
  });

  it('loses nothing when killed right after submission, before the workflow ran a step', async () => {
    const created = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body;
    await worker!.crash();
    await sme.post(`/receivables/${created.id}/submit`).expect(200);
    worker = await startWorkerProcess(config, api.temporal);
    await debtor.post(`/receivables/${created.id}/confirm`).send({}).expect(200);
    expect(await actionsOf(created.id)).toEqual(['receivable.register', 'receivable.submit', 'receivable.confirm']);
  });
});
