import { resolve } from 'node:path';
import { startClusterScript, stopProcess } from '@caravan/devstack';
import { ApiClient } from '../api-client';
import { DemoParties, seedParties } from '../demo-data';
import { financingLoad, sleep } from './lanes';
import { BenchStack, Figure, figure, startWorker } from './stack';

const root = resolve(__dirname, '../../..');
const LANES = Number(process.env.BENCH_CLUSTER_LANES ?? 4);
const SECONDS = Number(process.env.BENCH_CLUSTER_SECONDS ?? 30);

/** Financings closed per second by LANES clients for SECONDS against `baseUrl`. */
async function rate(baseUrl: string, parties: DemoParties, label: string): Promise<number> {
  const load = await financingLoad(baseUrl, parties, label);
  const started = Date.now();
  await load.run(LANES, SECONDS);
  return Number((load.stats().closed / ((Date.now() - started) / 1000)).toFixed(2));
}

/**
 * Financings/s with one worker and with two: on the dev server (the bench's own stack, whose
 * worker is running), then on the cluster (Temporal's server on PostgreSQL, two APIs behind
 * haproxy), one of whose workers is stopped for the second figure. Same lanes, same machine.
 */
export async function runCluster(stack: BenchStack, parties: DemoParties): Promise<Figure[]> {
  const dev1 = await rate(stack.baseUrl, parties, 'BENCH-D1');
  const second = startWorker(stack);
  let dev2: number;
  try {
    await sleep(3000); // polling
    dev2 = await rate(stack.baseUrl, parties, 'BENCH-D2');
  } finally {
    await stopProcess(second);
  }

  const cluster = await startClusterScript(root, stack.env, 600_000);
  try {
    const clusterParties = await seedParties(new ApiClient(cluster.layout.baseUrl));
    const cluster2 = await rate(cluster.layout.baseUrl, clusterParties, 'BENCH-C2');
    process.kill(cluster.layout.workers[1].pid, 'SIGTERM');
    await sleep(3000);
    const cluster1 = await rate(cluster.layout.baseUrl, clusterParties, 'BENCH-C1');
    const common = {
      benchmark: 'cluster',
      unit: 'financings/s',
      detail: { lanes: LANES, seconds: SECONDS, dev1, dev2, cluster1, cluster2 },
    };
    return [
      figure({ ...common, figure: 'cluster, one worker', ours: cluster1, referenceIs: 'dev server, one worker', reference: dev1 }),
      figure({ ...common, figure: 'cluster, two workers', ours: cluster2, referenceIs: 'dev server, two workers', reference: dev2 }),
    ];
  } finally {
    await cluster.stop();
  }
}
