import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { stopProcess } from '../../libs/devstack/src';
import { financingWorkflowId } from '../../libs/temporal/src/contracts/financing.contract';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, seedParties } from '../demo-data';
import { load, startBenchStack } from './stack';

// Financings per second through the whole straight-through path (apply, eligibility, the
// buyer's acknowledgement, system approval, acceptance, the disbursement saga, repayment,
// surplus, closure) against a bare workflow with as many no-op activities, same server.
const N = Number(process.env.BENCH_FINANCINGS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const DAY_MS = 10;
const root = resolve(__dirname, '../../..');

async function until<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function main(): Promise<void> {
  const stack = await startBenchStack({ FINANCING_DAY_MS: String(DAY_MS) });
  const worker = spawn(process.execPath, [resolve(root, 'dist/apps/worker/src/main.js')], { env: { ...process.env, ...stack.env }, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    const api = new ApiClient(stack.baseUrl);
    const parties = await seedParties(api);
    const [sme, buyer, officer, backOffice] = await Promise.all(
      [DEMO_ORGANISATIONS.hami.users[0], DEMO_ORGANISATIONS.powerGroup.users[0], DEMO_ORGANISATIONS.bank.users[0], DEMO_ORGANISATIONS.bank.users[4]].map((u) => api.login(u.email, DEMO_PASSWORD)),
    );
    await officer.call('PUT', '/financing-policy', {
      tiers: [{ upTo: null, approvals: 0 }],
      deadlines: { counterparty: 90, recommendation: 90, approval: 90, acceptance: 90, repaymentReminder: 0 },
      maxAdvanceRate: '0.8',
      maxLtv: '0.7',
      maintenanceLtv: '0.8',
      pricing: {
        RECEIVABLE_FINANCING: { annualRate: '0.0435', penaltyRate: '0.0653', upfrontFeeRate: '0.001', dayCount: 'ACT/360', graceDays: 3 },
        WAREHOUSE_RECEIPT_LOAN: { annualRate: '0.052', penaltyRate: '0.078', upfrontFeeRate: '0.002', dayCount: 'ACT/365', graceDays: 3 },
      },
    });
    for (const [kind, subject] of [['SME', parties.hami], ['CORE_ENTERPRISE', parties.powerGroup]]) {
      await officer.call('POST', '/credit-limits', { kind, subject, amount: '999999999999.00' });
    }
    const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const receivables: string[] = [];
    await load(N, 4, async (i) => {
      const r = await sme.call('POST', '/receivables', { debtorId: parties.powerGroup, invoiceNumber: `BENCH-${i}`, issueDate: '2026-11-01', dueDate: due, amount: '100000.00' });
      await sme.call('POST', `/receivables/${r.id}/submit`);
      await buyer.call('POST', `/receivables/${r.id}/confirm`, {});
      receivables[i] = r.id;
    });

    const stageOf = async (id: string) => (await sme.call('GET', `/financings/${id}`)).stage as string;
    const reach = (id: string, stage: string) => until(async () => ((await stageOf(id)) === stage ? true : undefined));
    let ref = '';
    const financings = await load(N, CONCURRENCY, async (i) => {
      const f = await sme.call('POST', '/financings', { product: 'RECEIVABLE_FINANCING', assetId: receivables[i], bankId: parties.bank, amount: '80000.00' });
      ref = f.ref;
      await reach(f.id, 'AWAITING_COUNTERPARTY');
      await buyer.call('POST', `/financings/${f.id}/acknowledge`, {});
      await reach(f.id, 'AWAITING_ACCEPTANCE');
      await sme.call('POST', `/financings/${f.id}/accept`, {});
      await reach(f.id, 'REPAYING');
      await backOffice.call('POST', `/financings/${f.id}/payments`, { reference: `BUYER-${i}`, amount: '100000.00' });
      await reach(f.id, 'CLOSED');
    });

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
    const bare = await noopWorker.runUntil(
      load(N, CONCURRENCY, async (i) => {
        await client.workflow.execute('noopWorkflow', { taskQueue: 'bench-noop', workflowId: `noop-${i}-${Date.now()}`, args: [activities] });
      }),
    );
    await nativeConnection.close();
    await connection.close();

    const perSecond = (run: { seconds: number }) => Number((N / run.seconds).toFixed(2));
    const result = {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      financings: N,
      concurrency: CONCURRENCY,
      activitiesPerFinancing: activities,
      ours: { name: 'financings/s, straight-through path to closure (via the API)', perSecond: perSecond(financings) },
      reference: { name: `bare workflows/s with ${activities} no-op activities`, perSecond: perSecond(bare) },
      ratio: Number((perSecond(financings) / perSecond(bare)).toFixed(3)),
    };
    console.table([result.ours, result.reference]);
    console.log(`activities per financing: ${activities}; ratio (ours / bare): ${result.ratio}`);
    const out = resolve(root, 'bench-results');
    await mkdir(out, { recursive: true });
    await writeFile(resolve(out, 'financings.json'), JSON.stringify(result, null, 2));
    console.log('written: bench-results/financings.json');
  } finally {
    await stopProcess(worker);
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
