import { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { spawnGroup, stopGroup } from './process-groups';

/** What `npm run start:cluster` writes to cluster.json once ready. */
export interface ClusterLayout {
  baseUrl: string;
  temporalAddress: string;
  ownerUrl: string;
  apis: Array<{ pid: number; url: string; metrics: string }>;
  workers: Array<{ pid: number; metrics: string }>;
}

export interface ClusterScript {
  layout: ClusterLayout;
  child: ChildProcess;
  /** Stops the script's whole process group and removes its temporary folder. */
  stop(): Promise<void>;
}

/**
 * The built `npm run start:cluster` script (dist/scripts/start-cluster.js under `root`) in a
 * process group of its own and a temporary folder, on a free port, seeding the demo's parties
 * only, until it says it is ready; stopped whole (and the folder removed) if it does not get there in time.
 */
export async function startClusterScript(root: string, env: Record<string, string | undefined>, timeoutMs: number): Promise<ClusterScript> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-cluster-'));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when we are root
  const child = spawnGroup(process.execPath, [join(root, 'dist/scripts/start-cluster.js')], {
    env: { ...process.env, ...env, CARAVAN_CLUSTER_DIR: dir, CARAVAN_SEED: 'parties', PORT: String(await freePort()), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    await stopGroup(child, 20_000);
    await rm(dir, { recursive: true, force: true });
  };
  let output = ''; // its last lines, for the error
  const keep = (chunk: Buffer) => (output = (output + String(chunk)).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  for (const deadline = Date.now() + timeoutMs; !/\[caravan\] ready /.test(output); await new Promise((r) => setTimeout(r, 200)))
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`start:cluster did not get ready:\n${output.slice(-4000)}`);
    }
  try {
    return { layout: JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as ClusterLayout, child, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
