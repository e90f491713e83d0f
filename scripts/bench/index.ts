import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { stopProcess } from '@caravan/devstack';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, seedParties } from '../demo-data';
import { runCluster } from './cluster';
import { runFinancings } from './financings';
import { runHttp } from './http';
import { runOpenWorkflows } from './open-workflows';
import { runReconciliation } from './reconciliation';
import { runStalledUploads } from './stalled-uploads';
import { Figure, startBenchStack, startWorker } from './stack';

// `npm run bench`: one PostgreSQL, one Temporal, the API and the worker of our own; each
// benchmark against a reference measured in the same run; one table, one JSON file.
// BENCH_ONLY=http,stalls,workflows,memory,reconciliation,cluster picks some.
const ONLY = (process.env.BENCH_ONLY ?? 'http,stalls,workflows,memory,reconciliation,cluster').split(',');
const DAY_MS = 10; // the financings' business day: repayment timers fire at once

async function main(): Promise<void> {
  const stack = await startBenchStack({ FINANCING_DAY_MS: String(DAY_MS) });
  const worker = startWorker(stack);
  const figures: Figure[] = [];
  try {
    const api = new ApiClient(stack.baseUrl);
    const parties = await seedParties(api);
    const bank = DEMO_ORGANISATIONS.bank.users;
    const [sme, buyer, officer, approver, treasury, backOffice] = await Promise.all(
      [DEMO_ORGANISATIONS.hami.users[0], DEMO_ORGANISATIONS.powerGroup.users[0], bank[0], bank[1], bank[3], bank[4]].map((u) =>
        api.login(u.email, DEMO_PASSWORD),
      ),
    );
    const step = async (name: string, run: () => Promise<Figure[]>) => {
      if (!ONLY.includes(name)) return;
      console.log(`[bench] ${name}`);
      figures.push(...(await run()));
    };
    await step('http', () => runHttp(stack, sme, parties));
    await step('stalls', () => runStalledUploads(stack, sme, backOffice));
    await step('workflows', () => runFinancings(stack, { sme, buyer, officer, approver, backOffice, treasury }, parties, worker.pid!));
    await step('memory', () => runOpenWorkflows(stack));
    await step('reconciliation', () => runReconciliation(stack, backOffice, worker.pid!));
    await step('cluster', () => runCluster(stack, parties));

    console.table(figures.map(({ detail: _, ...f }) => f));
    const result = {
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        at: new Date().toISOString(),
      },
      figures,
    };
    const out = resolve(__dirname, '../../../bench-results');
    await mkdir(out, { recursive: true });
    await writeFile(resolve(out, 'bench.json'), JSON.stringify(result, null, 2));
    console.log('written: bench-results/bench.json');
  } finally {
    await stopProcess(worker);
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
