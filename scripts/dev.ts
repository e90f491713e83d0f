import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  freePort,
  LocalPostgres,
  LocalTemporal,
  resolveTemporalCli,
  startLocalPostgres,
  startLocalTemporal,
  stopProcess,
} from '../libs/devstack/src';
import { DEMO, seedDemo } from './demo-data';

// `npm start`: PostgreSQL, Temporal, the API and the worker on this machine, demo data seeded.
const root = resolve(__dirname, '../..');
const dataDir = resolve(root, '.data');
const say = (line: string) => console.log(`[caravan] ${line}`);

async function portOr(preferred: number): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const probe = createServer().once('error', () => freePort().then(done));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => done(preferred)));
  });
}

function startApp(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', resolve(root, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => String(chunk).trimEnd().split('\n').map((l) => `[${name}] ${l}`).join('\n');
  child.stdout!.on('data', (chunk) => console.log(prefix(chunk)));
  child.stderr!.on('data', (chunk) => console.error(prefix(chunk)));
  child.on('exit', (code, signal) => say(`${name} exited (${signal ?? code})`));
  return child;
}

async function waitForHealth(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs / 1000}s`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  let postgres: LocalPostgres | undefined;
  let temporal: LocalTemporal | undefined;
  const children: ChildProcess[] = [];
  const stopAll = async () => {
    await Promise.all(children.map((c) => stopProcess(c)));
    await temporal?.stop();
    await postgres?.stop();
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    say('PostgreSQL: using DATABASE_URL');
  } else {
    postgres = await startLocalPostgres({ dataDir: resolve(dataDir, 'postgres'), port: await portOr(54329), durable: true });
    await postgres.ensureDatabase('caravan');
    databaseUrl = postgres.url('caravan');
    say(`PostgreSQL: embedded, data in .data/postgres, ${databaseUrl}`);
  }

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (temporalAddress) {
    say(`Temporal: using TEMPORAL_ADDRESS=${temporalAddress}`);
  } else {
    const cli = await resolveTemporalCli(root, say);
    say(`Temporal CLI: ${cli.path ? `${cli.path} (${cli.source})` : cli.source}`);
    temporal = await startLocalTemporal({
      cli,
      dbFile: resolve(dataDir, 'temporal.sqlite'),
      port: await portOr(7233),
      uiPort: await portOr(8233),
      downloadDir: resolve(root, '.tools/sdk-download'),
    });
    temporalAddress = temporal.address;
    say(`Temporal: dev server on ${temporalAddress}, state in .data/temporal.sqlite`);
  }

  const port = Number(process.env.PORT ?? (await portOr(3000)));
  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(port) };
  children.push(startApp('worker', 'dist/apps/worker/src/main.js', env));
  children.push(startApp('api', 'dist/apps/api/src/main.js', env));

  const baseUrl = `http://localhost:${port}`;
  await waitForHealth(`${baseUrl}/health`);
  const seeded = await seedDemo(baseUrl);
  say(seeded.length > 0 ? `demo data seeded: ${seeded.map((r) => `${r.id} (${r.status})`).join(', ')}` : 'demo data already present');
  say('');
  say(`API          ${baseUrl}`);
  say(`OpenAPI      ${baseUrl}/docs`);
  say(`Health       ${baseUrl}/health`);
  if (temporal?.uiUrl) say(`Temporal UI  ${temporal.uiUrl}`);
  say(`Try:  curl -s -X POST ${baseUrl}/receivables -H 'content-type: application/json' \\`);
  say(`        -d '{"creditorId":"${DEMO.hamiLogistics.id}","debtorId":"${DEMO.powerGroup.id}","invoiceNumber":"HM-TRY-${Date.now() % 100000}","issueDate":"2026-11-26","dueDate":"2027-02-24","amount":"300000.00"}'`);
  say('Ctrl-C stops everything; data stays in .data/.');
}

main().catch((error: unknown) => {
  console.error(`[caravan] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
