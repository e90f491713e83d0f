import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { BusinessClock } from '@caravan/clock';
import {
  actualDays,
  FINANCING_WORKFLOW,
  FinancingInput,
  FinancingTerms,
  financingWorkflowId,
  openBook,
  schedule,
} from '@caravan/financing';
import type { Resume } from '../../workflows/financing.workflow';
import { BenchStack, Figure, figure, load, rssMiB, sampleRss } from './stack';

// The worker's memory with many loans open at once: financing workflows resumed in their
// repayment phase (as continue-as-new would), each asleep on its next due date a year away,
// against the same worker process before they were started.
const OPEN = Number(process.env.BENCH_OPEN_WORKFLOWS ?? 10_000);

export async function runOpenWorkflows(stack: BenchStack, workerPid: number, taskQueue: string): Promise<Figure[]> {
  const connection = await Connection.connect({ address: stack.env.TEMPORAL_ADDRESS });
  const client = new Client({ connection });
  const idle = await rssMiB(workerPid);
  const startDate = new BusinessClock(stack.env.BUSINESS_TIMEZONE ?? 'Asia/Shanghai').today();
  const terms: FinancingTerms = {
    annualRate: '0.052',
    penaltyRate: '0.078',
    graceDays: 3,
    dayCount: 'ACT/365',
    method: 'EQUAL_INSTALMENT',
    instalments: 12,
    upfrontFeeRate: '0.002',
    maxFinancingRatio: '0.7',
  };
  const plan = schedule({ ...terms, principal: '500000.00', currency: 'CNY', startDate });
  const book = openBook(plan, { ...terms, startDate }, (d) => actualDays(startDate, d));
  const sampler = sampleRss(workerPid, 500);
  const started = Date.now();
  await load(OPEN, 32, async (i) => {
    const ref = `RF-OPEN-${String(i).padStart(6, '0')}`;
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
      terms,
      tiers: [{ upTo: null, approvals: 0 }],
      limitSubjects: [],
      deadlines: { counterparty: 5, recommendation: 5, approval: 5, acceptance: 5, repaymentReminder: 0 },
      dayMs: 86_400_000,
    };
    const resume: Resume = {
      state: { stage: 'REPAYING', approvals: [], approvalsNeeded: 0, schedule: plan, book, disbursedAt: new Date().toISOString() },
      seq: 10,
      disbursedAtMs: Date.now(),
      startDate,
    };
    await client.workflow.start(FINANCING_WORKFLOW, { taskQueue, workflowId: financingWorkflowId(ref), args: [input, resume] });
  });
  // every workflow has run its first task once nothing is left on the task queue
  for (;;) {
    const { count } = await client.workflow.count(`WorkflowType = '${FINANCING_WORKFLOW}' AND ExecutionStatus = 'Running'`);
    const backlog = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      reportStats: true,
    });
    const pending = Number(backlog.stats?.approximateBacklogCount ?? 0);
    if (count >= OPEN && pending === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  await new Promise((r) => setTimeout(r, 5000));
  const peak = await sampler.stop();
  await connection.close();
  return [
    figure({
      benchmark: 'memory',
      figure: `worker peak RSS with ${OPEN.toLocaleString('en')} open repayment workflows`,
      unit: 'MiB',
      ours: peak,
      referenceIs: 'the same worker process before they started',
      reference: idle,
      detail: { started: OPEN, secondsToStart: (Date.now() - started) / 1000 },
    }),
  ];
}
