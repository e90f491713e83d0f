import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MIGRATIONS } from '../../apps/common/migrations';
import { migrateDatabase } from '@caravan/database';
import { freePort, resolveTemporalCli, startLocalPostgres, startLocalTemporal, stopProcess } from '@caravan/devstack';
import { DEMO_ADMIN } from '../demo-data';

const root = resolve(__dirname, '../../..');

export interface BenchStack {
  /** As the owner of the tables: the references and the benchmarks' own checks. */
  ownerUrl: string;
  baseUrl: string;
  /** The environment the API runs with, for a worker process of the same stack. */
  env: Record<string, string>;
  api: ChildProcess;
  /** The stack's own processes, for CPU accounting: the API, Temporal, PostgreSQL's postmaster. */
  pids(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

/** A throwaway PostgreSQL, Temporal and API process of the benchmark's own, on free ports. */
export async function startBenchStack(extraEnv: Record<string, string> = {}): Promise<BenchStack> {
  const runDir = await mkdtemp(join(tmpdir(), 'caravan-bench-'));
  await chmod(runDir, 0o755);
  const cli = await resolveTemporalCli(root);
  const postgres = await startLocalPostgres({ dataDir: join(runDir, 'pg'), port: await freePort(), durable: true });
  await postgres.ensureDatabase('caravan');
  await migrateDatabase(postgres.ownerUrl('caravan'), MIGRATIONS);
  const temporal = await startLocalTemporal({
    cli,
    dbFile: join(runDir, 'temporal.sqlite'),
    port: await freePort(),
    downloadDir: join(root, '.tools/sdk-download'),
  });
  const port = await freePort();
  const env = {
    DATABASE_URL: postgres.appUrl('caravan'),
    TEMPORAL_ADDRESS: temporal.address,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    // the benchmarks and the fuzzer write as fast as they can, and sign in by password alone, on purpose
    WRITE_RATE_LIMIT_PER_MINUTE: '0',
    AUTH_SECOND_FACTOR_ROLES: 'NONE',
    ...extraEnv,
  };
  const api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 600) throw new Error('the API did not come up');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    ownerUrl: postgres.ownerUrl('caravan'),
    baseUrl,
    env,
    api,
    async pids() {
      const postmaster = Number((await readFile(join(runDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
      return { api: api.pid!, temporal: temporal.pid!, postgres: postmaster };
    },
    async stop() {
      await stopProcess(api);
      await temporal.stop();
      await postgres.stop();
      await rm(runDir, { recursive: true, force: true });
    },
  };
}

/** Latency percentiles in milliseconds from a list of durations. */
export function percentile(sortedMs: number[], p: number): number {
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

/** Runs `task` `total` times with `concurrency` in flight; returns each duration in ms and the wall time. */
export async function load(
  total: number,
  concurrency: number,
  task: (i: number) => Promise<void>,
): Promise<{ durations: number[]; seconds: number }> {
  const durations: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t0 = process.hrtime.bigint();
        await task(i);
        durations.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return { durations: durations.sort((a, b) => a - b), seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** One line of the benchmark table: our number, the reference taken in the same run, their ratio. */
export interface Figure {
  benchmark: string;
  figure: string;
  unit: string;
  ours: number;
  /** What the reference is, and its number. */
  referenceIs: string;
  reference: number;
  /** ours / reference. */
  ratio: number;
  detail?: Record<string, unknown>;
}

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  return { ...f, ratio: Number((f.ours / f.reference).toFixed(3)) };
}

/** A process's resident memory now (VmRSS) or at its peak so far (VmHWM), in MiB. */
export async function rssMiB(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024);
}

/** Samples a process's resident memory until stopped; returns the highest sample, in MiB. */
export function sampleRss(pid: number, everyMs = 200): { stop(): Promise<number> } {
  let peak = 0;
  const take = () =>
    rssMiB(pid).then(
      (mib) => (peak = Math.max(peak, mib)),
      () => undefined,
    );
  const timer = setInterval(take, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await take();
      return peak;
    },
  };
}

/**
 * CPU seconds each process tree has used so far: the process, its live descendants and the
 * children it reaped (PostgreSQL's backends, a server's helpers), from /proc (Linux); and
 * this benchmark process's own (its client, or an in-process worker).
 */
export async function cpuSeconds(roots: Record<string, number>): Promise<Record<string, number>> {
  const ticks = new Map<number, { ppid: number; own: number; reaped: number }>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from the 3rd (state) on
    if (f.length < 15) continue;
    ticks.set(Number(entry), { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) });
  }
  const treeOf = (pid: number): number => {
    const p = ticks.get(pid);
    if (!p) return 0;
    let sum = p.own + p.reaped;
    for (const [child, c] of ticks) if (c.ppid === pid) sum += treeOf(child);
    return sum;
  };
  const CLOCK_TICKS = 100; // USER_HZ on Linux
  const { user, system } = process.cpuUsage(); // this process alone (its children are the stack)
  return {
    ...Object.fromEntries(Object.entries(roots).map(([name, pid]) => [name, treeOf(pid) / CLOCK_TICKS])),
    bench: (user + system) / 1e6,
  };
}

/** Each tree's CPU seconds between two readings, divided by `per` (e.g. per financing). */
export function cpuUsed(before: Record<string, number>, after: Record<string, number>, per = 1): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((k) => [k, Number(((after[k] - (before[k] ?? 0)) / per).toFixed(3))]));
}

/** The worker app of the stack, as its own process. */
export function startWorker(stack: BenchStack, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [join(root, 'dist/apps/worker/src/main.js')], {
    env: { ...process.env, ...stack.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
