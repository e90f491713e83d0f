import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, LocalTemporal, resolveTemporalCli, startLocalTemporal, TemporalCli } from '@caravan/devstack';
import { ApiClient } from '../../scripts/api-client';
import { DEMO_ADMIN, DemoParties, seedParties } from '../../scripts/demo-data';
import { MIGRATIONS } from '../../apps/common/migrations';
import { migrateDatabase } from '@caravan/database';
import { financingLoad, sleep } from '../../scripts/bench/lanes';
import { expectInvariants } from '../support/financing-load';
import { reap, spawnGroup, stopGroup } from '../support/process-groups';

/**
 * Faults under a steady load of applications and repayments, on servers this test starts
 * for itself: the worker is killed (-9), then the API, then PostgreSQL restarts, then
 * Temporal. Clients retry as a real one would (same Idempotency-Key). Afterwards every
 * financing has closed, every money movement happened once, every journal entry balances,
 * and every request that was answered 2xx left its mark in the database. Every server it
 * starts leads a process group of its own, killed whole however the test ends (a restart the
 * fault schedule makes after a timeout included).
 */
const root = resolve(__dirname, '../..');
const LOAD_SECONDS = 60;
const LANES = 3;

describe('faults under load: worker, API, PostgreSQL and Temporal each fail in turn', () => {
  let runDir: string;
  let cli: TemporalCli;
  let postgres: ChildProcess;
  let databaseUrl: string;
  let ownerUrl: string;
  let temporal: LocalTemporal;
  let pgPort: number;
  let temporalPort: number;
  let env: Record<string, string>;
  let api: ChildProcess;
  let worker: ChildProcess;
  let baseUrl: string;
  let parties: DemoParties;
  const faults: string[] = [];
  /** Set by afterAll: a test body still running after a timeout restarts nothing more. */
  let closing = false;

  /** PostgreSQL in a helper process (stopped cleanly by SIGTERM), ready when it prints its URL. */
  const startPostgres = async () => {
    if (closing) throw new Error('the test is over');
    const child = spawnGroup(
      process.execPath,
      [join(root, 'dist/scripts/local-postgres.js'), join(runDir, 'pg'), String(pgPort), 'caravan'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    while (!output.includes('ready ')) {
      if (child.exitCode !== null) throw new Error(`PostgreSQL did not start: ${output}`);
      await sleep(100);
    }
    [, databaseUrl, ownerUrl] = /ready (\S+) (\S+)/.exec(output)!;
    return child;
  };
  const stopPostgres = () => stopGroup(postgres);
  const startTemporal = async () => {
    if (closing) throw new Error('the test is over');
    const server = await startLocalTemporal({
      cli,
      dbFile: join(runDir, 'temporal.sqlite'),
      port: temporalPort,
      downloadDir: join(root, '.tools/sdk-download'),
    });
    const reaped = reap(server.pid);
    return { ...server, stop: () => server.stop().finally(() => reaped.forget()) };
  };
  const startApp = (app: 'api' | 'worker') => {
    if (closing) throw new Error('the test is over');
    return spawnGroup(process.execPath, [join(root, `dist/apps/${app}/src/main.js`)], { env: { ...process.env, ...env }, stdio: 'ignore' });
  };
  const healthy = async () => {
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`${baseUrl}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(200);
    }
    throw new Error('the API did not come back');
  };

  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'caravan-chaos-'));
    await chmod(runDir, 0o755);
    cli = await resolveTemporalCli(root);
    [pgPort, temporalPort] = [await freePort(), await freePort()];
    postgres = await startPostgres();
    await migrateDatabase(ownerUrl, MIGRATIONS);
    temporal = await startTemporal();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      AUTH_TOKEN_TTL_SECONDS: '3600',
      BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
      FINANCING_DAY_MS: '200',
      // the lanes sign approvers and treasury in by password alone (the second factor has its own tests)
      AUTH_SECOND_FACTOR_ROLES: 'NONE',
      // the API killed mid-request leaves its keys claimed: the retrying clients take them over soon
      IDEMPOTENCY_ABANDONED_AFTER_SECONDS: '5',
    };
    api = startApp('api');
    worker = startApp('worker');
    await healthy();
    parties = await seedParties(new ApiClient(baseUrl));
  });

  afterAll(async () => {
    closing = true;
    for (const child of [api, worker]) if (child) await stopGroup(child);
    await temporal?.stop();
    if (postgres) await stopPostgres();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  it('closes every financing, moves money once, balances every entry and loses no answered request', async () => {
    const load = await financingLoad(baseUrl, parties, 'CHAOS');
    const started = Date.now();
    const chaos = async () => {
      const at = async (second: number) => sleep(Math.max(0, started + second * 1000 - Date.now()));
      await at(8);
      faults.push('worker SIGKILL');
      worker.kill('SIGKILL');
      await sleep(2000);
      worker = startApp('worker');
      await at(20);
      faults.push('API SIGKILL');
      api.kill('SIGKILL');
      await sleep(2000);
      api = startApp('api');
      await healthy();
      await at(32);
      faults.push('PostgreSQL restart');
      await stopPostgres();
      await sleep(1000);
      postgres = await startPostgres();
      await at(44);
      faults.push('Temporal restart');
      await temporal.stop();
      await sleep(1000);
      temporal = await startTemporal();
    };
    await Promise.all([chaos(), load.run(LANES, LOAD_SECONDS)]);
    const { requests, retries } = load.stats();
    console.log(
      `[chaos] ${load.answered.financings.length} financings, ${requests} requests (${retries} retried), faults: ${faults.join(', ')}`,
    );
    expect(faults).toHaveLength(4);
    expect(load.answered.financings.length).toBeGreaterThanOrEqual(LANES);
    await expectInvariants(ownerUrl, load.answered);
  });
});
