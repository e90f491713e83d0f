import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, resolveTemporalCli, startLocalPostgres, startLocalTemporal } from '@caravan/devstack';
import { STACK_ENV } from './support/stack-env';

/**
 * One real PostgreSQL and one real Temporal dev server for the whole run, on free ports and
 * in a fresh temporary folder; global-teardown.ts stops both. Tests reach them through env.
 */
export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '..');
  const runDir = await mkdtemp(join(tmpdir(), 'caravan-test-'));
  await chmod(runDir, 0o755); // PostgreSQL runs as its own user when we are root
  const log = (line: string) => process.env.CARAVAN_TEST_VERBOSE && console.log(line);

  const cli = await resolveTemporalCli(root, (line) => console.log(`[test stack] ${line}`));
  const [postgres, temporal] = await Promise.all([
    freePort().then((port) => startLocalPostgres({ dataDir: join(runDir, 'postgres'), port, durable: false, log })),
    freePort().then((port) =>
      startLocalTemporal({ cli, dbFile: join(runDir, 'temporal.sqlite'), port, downloadDir: join(root, '.tools/sdk-download'), log }),
    ),
  ]);
  console.log(`\n[test stack] PostgreSQL on ${postgres.port}, Temporal (${cli.source}) on ${temporal.address}`);

  process.env[STACK_ENV.adminDatabaseUrl] = postgres.url('postgres');
  process.env[STACK_ENV.temporalAddress] = temporal.address;
  (globalThis as Record<string, unknown>).__caravanStack = { postgres, temporal, runDir };
}
