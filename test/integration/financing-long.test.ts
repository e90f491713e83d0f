import { financingWorkflowId } from '@caravan/financing';
import type { TestApi } from '../support/api';
import { applyFor, approveAndAccept, Desk, reaches, recordPayment, startFinancingStack, timeline } from '../support/financing';
import { eventually } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

describe('a long loan continues as new and keeps its state', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;

  beforeAll(async () => {
    // a real loan continues at Temporal's suggestion; this one early
    const stack = await startFinancingStack('financing_long', { FINANCING_HISTORY_LIMIT: 100 });
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('runs several histories, allocates every payment once, and closes', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await d.admin.put('/commodities/COAL-5500').send({ name: 'Thermal coal', unit: 't', haircut: '0.15' }).expect(200);
    await d.admin.post('/commodities/COAL-5500/prices').send({ date: today, price: '812.35', source: 'index' }).expect(201);
    const receipt = (
      await d.custodian
        .post('/warehouse-receipts')
        .send({
          receiptNumber: 'LONG-1',
          holderId: api.parties.hami,
          commodityCode: 'COAL-5500',
          grade: 'Q',
          quantity: '1000',
          location: 'bay',
        })
        .expect(201)
    ).body.id;
    const { id, ref } = await applyFor(d.sme, {
      product: 'WAREHOUSE_RECEIPT_LOAN',
      assetId: receipt,
      bankId: api.parties.bank,
      amount: '300000.00',
      method: 'EQUAL_PRINCIPAL',
      instalments: 2,
    });
    await approveAndAccept(d, id, [d.approverA], d.custodian);
    await reaches(d, id, 'REPAYING');
    const lines = (await d.sme.get(`/financings/${id}`)).body.state.schedule.lines as Array<{ payment: string }>;
    for (const [i, line] of lines.entries()) {
      await eventually(
        async () => ((await timeline(d, id)).filter((e) => e.step === 'instalment.due').length > i ? true : undefined),
        `instalment ${i + 1}`,
        60_000,
      );
      await recordPayment(d, id, `LONG-${i}`, line.payment);
      // the detail shows the payment the moment it is allocated, not at the next step
      expect((await d.sme.get(`/financings/${id}`).expect(200)).body.state.book.applied).toContain(`LONG-${i}`);
    }
    await reaches(d, id, 'CLOSED', 60_000);

    // Visibility is written asynchronously: wait until it shows the runs as they ended.
    const runs = await eventually(async () => {
      const statuses: string[] = [];
      for await (const execution of api.temporal.workflow.list({ query: `WorkflowId = '${financingWorkflowId(ref)}'` }))
        statuses.push(execution.status.name);
      return statuses.includes('COMPLETED') && statuses.includes('CONTINUED_AS_NEW') ? statuses : undefined;
    }, 'the runs in visibility');
    expect(runs.filter((s) => s === 'RUNNING')).toEqual([]);
    const allocated = (await timeline(d, id)).filter((e) => e.step === 'payment.allocated');
    expect(allocated).toHaveLength(2);
    const [{ n }] = await api.owner.query(
      `SELECT count(*)::int AS n FROM journal_entries WHERE financing_ref = $1 AND kind = 'repayment'`,
      [ref],
    );
    expect(n).toBe(2);
  });
});
