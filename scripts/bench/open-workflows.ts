import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { BusinessClock } from '@caravan/clock';
import { AppConfig, workflowHeapNeeded } from '@caravan/config';
import { stopProcess } from '@caravan/devstack';
import {
  actualDays,
  FINANCING_WORKFLOW,
  FinancingInput,
  FinancingTerms,
  financingStateQuery,
  financingWorkflowId,
  openBook,
  schedule,
} from '@caravan/financing';
import type { Resume } from '../../workflows/financing.workflow';
import { BenchStack, Figure, figure, load, rssMiB, sampleRss, startWorker } from './stack';

// The worker's memory with many loans open at once: financing workflows resumed in their
// repayment phase (as continue-as-new would), each asleep on its next due date a year away,
// against the same worker process before they were started; once per workflow cache size, each
// on a task queue and worker of its own. The price of a smaller cache: a loan that wakes (a
// timer, a payment, a query) while out of the cache is replayed from its history first, so the
// wake-ups per second a worker sustains are measured too, by querying loans picked at random.
const OPEN = Number(process.env.BENCH_OPEN_WORKFLOWS ?? 10_000);
const CACHES = (process.env.BENCH_CACHE_SIZES ?? '1000,50').split(',').map(Number);
const WAKE_UPS = 400;

const TERMS: FinancingTerms = {
  annualRate: '0.052',
  penaltyRate: '0.078',
  graceDays: 3,
  dayCount: 'ACT/365',
  method: 'EQUAL_INSTALMENT',
  instalments: 12,
  upfrontFeeRate: '0.002',
  maxFinancingRatio: '0.7',
};

/** A loan being repaid, its next due date a month away, resumed as continue-as-new would. */
function repayingLoan(ref: string, startDate: string): [FinancingInput, Resume] {
  const plan = schedule({ ...TERMS, principal: '500000.00', currency: 'CNY', startDate });
  const book = openBook(plan, { ...TERMS, startDate }, (d) => actualDays(startDate, d));
  const input: FinancingInput = {
    financingId: randomUUID(),
    ref,
    product: 'RECEIVABLE_FINANCING',
    smeId: randomUUID(),
    bankId: randomUUID(),
    counterpartyId: randomUUID(),
    assetType: 'RECEIVABLE',
    assetId: randomUUID(),
    amount: '500000.00',
    currency: 'CNY',
    terms: TERMS,
    tiers: [{ upTo: null, approvals: 0 }],
    limitSubjects: [],
    deadlines: { counterparty: 5, recommendation: 5, approval: 5, acceptance: 5, repaymentReminder: 0 },
    dayMs: 86_400_000,
  };
  const state = {
    stage: 'REPAYING' as const,
    approvals: [],
    approvalsNeeded: 0,
    schedule: plan,
    book,
    disbursedAt: new Date().toISOString(),
  };
  return [input, { state, seq: 10, disbursedAtMs: Date.now(), startDate }];
}

/** Waits until a worker polls the queue and nothing is left on it (every workflow ran its first task). */
async function settled(client: Client, taskQueue: string, started = 0): Promise<void> {
  for (;;) {
    const queue = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      reportStats: true,
    });
    const polled = (queue.pollers?.length ?? 0) > 0;
    const { count } = await client.workflow.count(`TaskQueue = '${taskQueue}' AND ExecutionStatus = 'Running'`);
    if (polled && count >= started && Number(queue.stats?.approximateBacklogCount ?? 0) === 0) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** One cache size: its own worker and queue, OPEN loans, the peak RSS, then wake-ups/s. */
async function oneCache(stack: BenchStack, client: Client, cache: number): Promise<Figure> {
  const taskQueue = `bench-open-${cache}`;
  // the workflow thread's heap: the default, or the least the configuration accepts for a larger cache
  const heapMiB = Math.max(new AppConfig().TEMPORAL_WORKFLOW_HEAP_MIB, workflowHeapNeeded(cache));
  const worker = startWorker(stack, {
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_MAX_CACHED_WORKFLOWS: String(cache),
    TEMPORAL_WORKFLOW_HEAP_MIB: String(heapMiB),
  });
  const refs = Array.from({ length: OPEN }, (_, i) => `RF-OPEN-${cache}-${String(i).padStart(6, '0')}`);
  try {
    await settled(client, taskQueue);
    const idle = await rssMiB(worker.pid!);
    const startDate = new BusinessClock(stack.env.BUSINESS_TIMEZONE ?? 'Asia/Shanghai').today();
    const sampler = sampleRss(worker.pid!, 500);
    const t0 = Date.now();
    await load(OPEN, 32, async (i) => {
      const [input, resume] = repayingLoan(refs[i], startDate);
      await client.workflow.start(FINANCING_WORKFLOW, { taskQueue, workflowId: financingWorkflowId(refs[i]), args: [input, resume] });
    });
    await settled(client, taskQueue, OPEN);
    const secondsToStart = (Date.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 5000));
    const wake = await load(WAKE_UPS, 8, async () => {
      const ref = refs[Math.floor(Math.random() * OPEN)];
      await client.workflow.getHandle(financingWorkflowId(ref)).query(financingStateQuery);
    });
    const peak = await sampler.stop();
    return figure({
      benchmark: 'memory',
      figure: `worker peak RSS with ${OPEN.toLocaleString('en')} open repayment workflows, cache ${cache}`,
      unit: 'MiB',
      ours: peak,
      referenceIs: 'the same worker process before they started',
      reference: idle,
      detail: {
        cachedWorkflows: cache,
        workflowHeapMiB: heapMiB,
        secondsToStart,
        // a query of a loan picked at random: most are out of the cache and replay first
        wakeUpsPerSecond: Math.round(WAKE_UPS / wake.seconds),
      },
    });
  } finally {
    await stopProcess(worker);
    await load(OPEN, 32, (i) =>
      client.workflow
        .getHandle(financingWorkflowId(refs[i]))
        .terminate('bench over')
        .then(
          () => undefined,
          () => undefined, // never started, or already gone
        ),
    );
  }
}

export async function runOpenWorkflows(stack: BenchStack): Promise<Figure[]> {
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  const client = new Client({ connection });
  try {
    const figures: Figure[] = [];
    for (const cache of CACHES) figures.push(await oneCache(stack, client, cache));
    return figures;
  } finally {
    await connection.close();
  }
}
