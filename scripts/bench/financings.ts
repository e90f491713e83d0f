import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { BusinessClock } from '@caravan/clock';
import { addDays, financingWorkflowId } from '@caravan/financing';
import type { ApiClient } from '../api-client';
import type { DemoParties } from '../demo-data';
import { BenchStack, cpuSeconds, cpuUsed, Figure, figure, load } from './stack';

// Financings per second through the whole path (apply, eligibility, the buyer's
// acknowledgement, the maker's recommendation, one checker's approval, acceptance, the
// disbursement saga, a payment recorded and approved by two people, surplus, closure)
// against a bare workflow with as many no-op activities, same server.
const N = Number(process.env.BENCH_FINANCINGS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const root = resolve(__dirname, '../../..');

/**
 * Polls with a growing pause (10 ms doubling to 160 ms): a fixed 10 ms pause at concurrency 8
 * made the benchmark's own reads of the financing most of the API's work, measuring the poller.
 */
async function until<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let pause = 10; ; pause = Math.min(pause * 2, 160)) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, pause));
  }
}

export interface Desk {
  sme: ApiClient;
  buyer: ApiClient;
  officer: ApiClient;
  approver: ApiClient;
  backOffice: ApiClient;
  treasury: ApiClient;
}

/**
 * One approval for any amount (the fewest a sound policy asks), long deadlines, unlimited
 * limits: only the path is measured. The policy is proposed and approved by two people.
 */
export async function prepareBenchBank(d: Desk, parties: DemoParties): Promise<void> {
  const proposal = await d.officer.call('POST', '/financing-policy/proposals', {
    tiers: [{ upTo: null, approvals: 1 }],
    deadlines: { counterparty: 90, recommendation: 90, approval: 90, acceptance: 90, repaymentReminder: 0 },
    maxAdvanceRate: '0.8',
    maxLtv: '0.7',
    maintenanceLtv: '0.8',
    pricing: {
      RECEIVABLE_FINANCING: { annualRate: '0.0435', penaltyRate: '0.0653', upfrontFeeRate: '0.001', dayCount: 'ACT/360', graceDays: 3 },
      WAREHOUSE_RECEIPT_LOAN: { annualRate: '0.052', penaltyRate: '0.078', upfrontFeeRate: '0.002', dayCount: 'ACT/365', graceDays: 3 },
    },
  });
  await d.approver.call('POST', `/approval-requests/${proposal.id}/approve`, {});
  for (const [kind, subject] of [
    ['SME', parties.hami],
    ['CORE_ENTERPRISE', parties.powerGroup],
  ]) {
    const { status } = await d.officer.request('POST', '/credit-limits', { kind, subject, amount: '999999999999.00' });
    if (status !== 201 && status !== 409) throw new Error(`credit limit: HTTP ${status}`);
  }
}

export async function runFinancings(stack: BenchStack, d: Desk, parties: DemoParties, workerPid: number): Promise<Figure[]> {
  await prepareBenchBank(d, parties);
  const due = addDays(new BusinessClock(stack.env.BUSINESS_TIMEZONE ?? 'Asia/Shanghai').today(), 90);
  const receivables: string[] = [];
  await load(N, 4, async (i) => {
    const r = await d.sme.call('POST', '/receivables', {
      debtorId: parties.powerGroup,
      invoiceNumber: `BENCH-F-${i}`,
      issueDate: '2026-11-01',
      dueDate: due,
      amount: '100000.00',
    });
    await d.sme.call('POST', `/receivables/${r.id}/submit`);
    await d.buyer.call('POST', `/receivables/${r.id}/confirm`, {});
    receivables[i] = r.id;
  });

  const stageOf = async (id: string) => (await d.sme.call('GET', `/financings/${id}`)).stage as string;
  const reach = (id: string, stage: string) => until(async () => ((await stageOf(id)) === stage ? true : undefined));
  let ref = '';
  const roots = { ...(await stack.pids()), worker: workerPid };
  const cpuBefore = await cpuSeconds(roots);
  const financings = await load(N, CONCURRENCY, async (i) => {
    const application = { product: 'RECEIVABLE_FINANCING', assetId: receivables[i], bankId: parties.bank, amount: '80000.00' };
    const { quoteId } = await d.sme.call('POST', '/financings/trial', application);
    const f = await d.sme.call('POST', '/financings', { ...application, quoteId });
    ref = f.ref;
    await reach(f.id, 'AWAITING_COUNTERPARTY');
    await d.buyer.call('POST', `/financings/${f.id}/acknowledge`, {});
    await reach(f.id, 'AWAITING_RECOMMENDATION');
    await d.officer.call('POST', `/financings/${f.id}/recommend`, {});
    await reach(f.id, 'AWAITING_APPROVAL');
    await d.approver.call('POST', `/financings/${f.id}/approve`, {});
    await reach(f.id, 'AWAITING_ACCEPTANCE');
    await d.sme.call('POST', `/financings/${f.id}/accept`, {});
    await reach(f.id, 'REPAYING');
    const payment = await d.backOffice.call('POST', `/financings/${f.id}/payments`, { reference: `BUYER-${i}`, amount: '100000.00' });
    await d.treasury.call('POST', `/approval-requests/${payment.id}/approve`, {});
    await reach(f.id, 'CLOSED');
  });

  const cpuOurs = cpuUsed(cpuBefore, await cpuSeconds(roots), N);

  // The same number of activities, as a bare workflow, on the same server.
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  const client = new Client({ connection });
  const history = await client.workflow.getHandle(financingWorkflowId(ref)).fetchHistory();
  const activities = (history.events ?? []).filter((e) => e.activityTaskScheduledEventAttributes).length;
  const nativeConnection = await NativeConnection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  const noopWorker = await Worker.create({
    connection: nativeConnection,
    taskQueue: 'bench-noop',
    workflowsPath: resolve(root, 'scripts/bench/noop.workflow.ts'),
    activities: { noop: async () => undefined },
  });
  let bareId = '';
  const cpuBareBefore = await cpuSeconds(roots);
  const bare = await noopWorker.runUntil(
    load(N, CONCURRENCY, async (i) => {
      bareId = `noop-${i}-${Date.now()}`;
      await client.workflow.execute('noopWorkflow', { taskQueue: 'bench-noop', workflowId: bareId, args: [activities] });
    }),
  );
  const cpuBare = cpuUsed(cpuBareBefore, await cpuSeconds(roots), N);
  // what the server does for each: its history's events, the workflow tasks among them
  const shape = (events: typeof history.events) => ({
    events: events?.length ?? 0,
    workflowTasks: events?.filter((e) => e.workflowTaskCompletedEventAttributes).length ?? 0,
    signals: events?.filter((e) => e.workflowExecutionSignaledEventAttributes).length ?? 0,
    timers: events?.filter((e) => e.timerStartedEventAttributes).length ?? 0,
  });
  const bareHistory = await client.workflow.getHandle(bareId).fetchHistory();
  await nativeConnection.close();
  await connection.close();

  const perSecond = (run: { seconds: number }) => Number((N / run.seconds).toFixed(2));
  return [
    figure({
      benchmark: 'workflows',
      figure: `financings through maker–checker approval to closure, concurrency ${CONCURRENCY}`,
      unit: 'financings/s',
      ours: perSecond(financings),
      referenceIs: `bare workflows with ${activities} no-op activities each, same server`,
      reference: perSecond(bare),
      detail: {
        financings: N,
        activitiesPerFinancing: activities,
        history: { ours: shape(history.events), reference: shape(bareHistory.events) },
        cpuSecondsEach: { ours: cpuOurs, reference: cpuBare },
      },
    }),
  ];
}
