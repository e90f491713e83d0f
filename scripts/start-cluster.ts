import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ClusterLayout,
  ensureNamespace,
  freeLowPort,
  freePort,
  LocalPostgres,
  onPathOrThrow,
  prepareTemporalDatabases,
  quitPostmaster,
  resolveTemporalServer,
  startLocalPostgres,
  startTemporalServer,
  stopProcess,
} from '@caravan/devstack';
import { migrateDatabase } from '@caravan/database';
import { MIGRATIONS } from '../apps/common/migrations';
import { ApiClient } from './api-client';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD, seedDemo, seedParties } from './demo-data';
import { localSecret, portOr, say, startApp, waitForHealth } from './local-apps';

// `npm run start:cluster`: the production topology on one machine. The embedded PostgreSQL
// holds Caravan's database and Temporal's two; the Temporal server (not the dev server) runs
// on them from scripts/cluster/temporal/caravan.yaml, the file docker-compose.yml mounts; two
// API processes behind haproxy, which checks their health; two workers. Ctrl-C stops it all.
// CARAVAN_CLUSTER_DIR moves its data (default .data/cluster); once ready, cluster.json there
// says where everything is and which process is which. CARAVAN_SEED=parties seeds the demo's
// organisations and people only (its test starts from there, as the other tests do).
const root = resolve(__dirname, '../..');
const dataDir = resolve(process.env.CARAVAN_CLUSTER_DIR ?? resolve(root, '.data/cluster'));
const TEMPORAL_DB = { user: 'temporal', password: 'temporal', databases: { default: 'temporal', visibility: 'temporal_visibility' } };

// Each server is known here from the moment it is spawned, not once it is ready: a Ctrl-C
// during startup must find the ones still starting.
let postgres: LocalPostgres | undefined;
let postgresStarted = false;
let temporal: ChildProcess | undefined;
const children: ChildProcess[] = [];
let stopping: Promise<void> | undefined;
const stopAll = () =>
  (stopping ??= (async () => {
    await Promise.all(children.map((c) => stopProcess(c)));
    if (temporal) await stopProcess(temporal);
    await postgres?.stop();
  })());
// a crash of this script, or a stop before PostgreSQL was ready, leaves nothing running either
process.once('exit', () => {
  for (const child of [...children, temporal]) if (child?.exitCode === null) child.kill('SIGKILL');
  if (postgresStarted) quitPostmaster(resolve(dataDir, 'postgres'));
});

/** Distinct free ports, one per name (below 32768 with `low`). */
async function ports<K extends string>(names: K[], low = false): Promise<Record<K, number>> {
  const taken = new Set<number>();
  const result = {} as Record<K, number>;
  for (const name of names) {
    let port = low ? await freeLowPort(taken) : await freePort();
    while (taken.has(port)) port = await freePort();
    taken.add(port);
    result[name] = port;
  }
  return result;
}

/** PostgreSQL with Caravan's database migrated and Temporal's two at the server's schema version. */
async function databases(tools: { sql: string }): Promise<{ appUrl: string; ownerUrl: string; port: number }> {
  postgresStarted = true;
  postgres = await startLocalPostgres({ dataDir: resolve(dataDir, 'postgres'), port: await portOr(54330), durable: true });
  postgres.notes.forEach(say);
  await postgres.ensureDatabase('caravan');
  const applied = await migrateDatabase(postgres.ownerUrl('caravan'), MIGRATIONS);
  if (applied.length > 0) say(`migrations applied: ${applied.join(', ')}`);
  await prepareTemporalDatabases(postgres.url('postgres'), { host: '127.0.0.1', port: postgres.port, ...TEMPORAL_DB }, tools.sql, say);
  say(`PostgreSQL: embedded on ${postgres.port}, data in ${dataDir}/postgres`);
  return { appUrl: postgres.appUrl('caravan'), ownerUrl: postgres.ownerUrl('caravan'), port: postgres.port };
}

/** The Temporal server on that PostgreSQL, every port of its four services free, the namespace registered. */
async function temporalServer(tools: Awaited<ReturnType<typeof resolveTemporalServer>>, pgPort: number): Promise<string> {
  const frontend = await portOr(7233);
  const p = { ...(await ports(['http', 'history', 'matching', 'worker'])), ...(await ports(['fm', 'hm', 'mm', 'wm'], true)) };
  const server = await startTemporalServer({
    tools,
    onSpawn: (child) => (temporal = child),
    configDir: resolve(root, 'scripts/cluster/temporal'),
    env: 'caravan',
    address: `127.0.0.1:${frontend}`,
    log: process.env.TEMPORAL_LOG_LEVEL ? (line) => console.log(`[temporal] ${line}`) : undefined,
    settings: {
      TEMPORAL_DB_HOST: '127.0.0.1',
      TEMPORAL_DB_PORT: String(pgPort),
      TEMPORAL_DB_USER: TEMPORAL_DB.user,
      TEMPORAL_DB_PASSWORD: TEMPORAL_DB.password,
      TEMPORAL_DB_NAME: TEMPORAL_DB.databases.default,
      TEMPORAL_VISIBILITY_DB_NAME: TEMPORAL_DB.databases.visibility,
      TEMPORAL_FRONTEND_PORT: String(frontend),
      TEMPORAL_FRONTEND_HTTP_PORT: String(p.http),
      TEMPORAL_HISTORY_PORT: String(p.history),
      TEMPORAL_MATCHING_PORT: String(p.matching),
      TEMPORAL_WORKER_PORT: String(p.worker),
      TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(p.fm),
      TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(p.hm),
      TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(p.mm),
      TEMPORAL_WORKER_MEMBERSHIP_PORT: String(p.wm),
    },
  });
  await ensureNamespace(server.address, process.env.TEMPORAL_NAMESPACE ?? 'default');
  say(`Temporal: server ${server.address} on PostgreSQL (databases ${Object.values(TEMPORAL_DB.databases).join(', ')})`);
  return server.address;
}

/** haproxy before the APIs, from scripts/cluster/haproxy.cfg, in the foreground under this script. */
function loadBalancer(haproxy: string, bind: string, apis: string[]): ChildProcess {
  const env = { ...process.env, CARAVAN_LB_BIND: bind, CARAVAN_API_1: apis[0], CARAVAN_API_2: apis[1] };
  const child = spawn(haproxy, ['-db', '-f', resolve(root, 'scripts/cluster/haproxy.cfg')], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => say(`haproxy exited (${signal ?? code})`));
  return child;
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));
  const haproxy = onPathOrThrow('haproxy', 'haproxy (the load balancer) is not installed: `sudo apt-get install haproxy` (Debian, Ubuntu)');
  const tools = await resolveTemporalServer(root, say);
  const db = await databases(tools);
  const temporalAddress = await temporalServer(tools, db.port);

  const lbPort = Number(process.env.PORT ?? (await portOr(3000)));
  const apiPorts = Object.values(await ports(['api1', 'api2']));
  // each process its own Prometheus listener on the loopback (the APIs' METRICS_PORT, the workers' WORKER_METRICS_PORT)
  const metricsPorts = Object.values(await ports(['api1', 'api2', 'worker1', 'worker2']));
  // the apps never see the owner's URL: they cannot migrate, nor switch the database's guarantees off
  const { DATABASE_MIGRATION_URL: _, PORT: __, METRICS_PORT: ___, WORKER_METRICS_PORT: ____, ...inherited } = process.env;
  const env = {
    AUTH_TOKEN_SECRET: localSecret(dataDir),
    BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    ...inherited,
    DATABASE_URL: db.appUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    HOST: '127.0.0.1',
    TRUST_PROXY: '1', // haproxy names the client in X-Forwarded-For (scripts/cluster/haproxy.cfg)
  };
  const workers = [1, 2].map((n) =>
    startApp(root, `worker-${n}`, 'dist/apps/worker/src/main.js', { ...env, WORKER_METRICS_PORT: String(metricsPorts[n + 1]) }),
  );
  const apis = apiPorts.map((port, i) =>
    startApp(root, `api-${i + 1}`, 'dist/apps/api/src/main.js', { ...env, PORT: String(port), METRICS_PORT: String(metricsPorts[i]) }),
  );
  children.push(...workers, ...apis);
  await Promise.all(apiPorts.map((port) => waitForHealth(`http://127.0.0.1:${port}/health`)));
  children.push(
    loadBalancer(
      haproxy,
      `127.0.0.1:${lbPort}`,
      apiPorts.map((port) => `127.0.0.1:${port}`),
    ),
  );
  const baseUrl = `http://127.0.0.1:${lbPort}`;
  await waitForHealth(`${baseUrl}/health`);

  if (process.env.CARAVAN_SEED === 'parties') await seedParties(new ApiClient(baseUrl));
  else {
    const { seeded } = await seedDemo(baseUrl);
    say(seeded > 0 ? `demo data seeded: ${seeded} receivables` : 'demo data already present');
  }
  const layout: ClusterLayout = {
    baseUrl,
    temporalAddress,
    ownerUrl: db.ownerUrl,
    apis: apis.map((c, i) => ({
      pid: c.pid!,
      url: `http://127.0.0.1:${apiPorts[i]}`,
      metrics: `http://127.0.0.1:${metricsPorts[i]}/metrics`,
    })),
    workers: workers.map((c, i) => ({ pid: c.pid!, metrics: `http://127.0.0.1:${metricsPorts[i + 2]}/metrics` })),
  };
  writeFileSync(resolve(dataDir, 'cluster.json'), JSON.stringify(layout, null, 2));
  greet(baseUrl);
}

function greet(baseUrl: string): void {
  say('');
  say(`Portal       ${baseUrl}/portal/   (haproxy before api-1 and api-2)`);
  say(`API          ${baseUrl}   OpenAPI ${baseUrl}/docs`);
  const people = Object.values(DEMO_ORGANISATIONS).flatMap((o) => o.users.map((u) => u.email));
  say(`Demo users (password ${DEMO_PASSWORD}): ${people.join(', ')}`);
  say(`Operator admin: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  say(`ready ${baseUrl}`);
  say(`Ctrl-C stops everything; data stays in ${dataDir}.`);
}

main().catch(async (error: unknown) => {
  console.error(`[caravan] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
