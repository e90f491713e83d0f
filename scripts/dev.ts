import { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { LocalPostgres, LocalTemporal, resolveTemporalCli, startLocalPostgres, startLocalTemporal, stopProcess } from '@caravan/devstack';
import { MIGRATIONS } from '../apps/common/migrations';
import { migrateDatabase } from '@caravan/database';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoParties, seedDemo } from './demo-data';
import { localSecret, portOr, say, startApp, waitForHealth } from './local-apps';

// `npm start`: PostgreSQL, Temporal, the API and the worker on this machine, demo data seeded.
const root = resolve(__dirname, '../..');
const dataDir = resolve(root, '.data');
let postgres: LocalPostgres | undefined;
let temporal: LocalTemporal | undefined;
const children: ChildProcess[] = [];
const stopAll = async () => {
  await Promise.all(children.map((c) => stopProcess(c)));
  await temporal?.stop();
  await postgres?.stop();
};

/** DATABASE_URL's PostgreSQL, or an embedded one in .data/; migrated as the tables' owner. */
async function database(): Promise<string> {
  let databaseUrl = process.env.DATABASE_URL;
  let migrationUrl = process.env.DATABASE_MIGRATION_URL;
  if (databaseUrl) {
    if (!migrationUrl)
      throw new Error(
        'DATABASE_URL is set without DATABASE_MIGRATION_URL: give the URL of the role that owns the tables too (see README, Configuration)',
      );
    say('PostgreSQL: using DATABASE_URL (the apps) and DATABASE_MIGRATION_URL (migrations)');
  } else {
    postgres = await startLocalPostgres({ dataDir: resolve(dataDir, 'postgres'), port: await portOr(54329), durable: true });
    postgres.notes.forEach(say);
    await postgres.ensureDatabase('caravan');
    databaseUrl = postgres.appUrl('caravan');
    migrationUrl = postgres.ownerUrl('caravan');
    say(`PostgreSQL: embedded, data in .data/postgres, ${databaseUrl}`);
  }
  const applied = await migrateDatabase(migrationUrl!, MIGRATIONS);
  if (applied.length > 0) say(`migrations applied: ${applied.join(', ')}`);
  return databaseUrl!;
}

/** TEMPORAL_ADDRESS's Temporal, or a dev server keeping its state in .data/. */
async function temporalServer(): Promise<string> {
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
  return temporalAddress;
}

/** Where everything is, who the demo's people are, and a first request to try. */
function greet(baseUrl: string, parties: DemoParties): void {
  say('');
  say(`Portal       ${baseUrl}/portal/`);
  say(`API          ${baseUrl}`);
  say(`OpenAPI      ${baseUrl}/docs`);
  say(`Health       ${baseUrl}/health`);
  if (temporal?.uiUrl) say(`Temporal UI  ${temporal.uiUrl}`);
  say(
    `Demo users (password ${DEMO_PASSWORD}): ${Object.values(DEMO_ORGANISATIONS)
      .flatMap((o) => o.users.map((u) => u.email))
      .join(', ')}`,
  );
  say(`Operator admin: ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  say('Try:');
  say(`  TOKEN=$(curl -s -X POST ${baseUrl}/auth/login -H 'content-type: application/json' \\`);
  say(
    `    -d '{"email":"${DEMO_ORGANISATIONS.hami.users[0].email}","password":"${DEMO_PASSWORD}"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\\1/')`,
  );
  say(`  curl -s -X POST ${baseUrl}/receivables -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`);
  say(
    `    -d '{"debtorId":"${parties.powerGroup}","invoiceNumber":"HM-TRY-${Date.now() % 100000}","issueDate":"2026-11-26","dueDate":"2027-02-24","amount":"300000.00"}'`,
  );
  say('Ctrl-C stops everything; data stays in .data/.');
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  process.once('SIGINT', () => void stopAll().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stopAll().then(() => process.exit(0)));

  const databaseUrl = await database();

  const temporalAddress = await temporalServer();

  const port = Number(process.env.PORT ?? (await portOr(3000)));
  // the apps never see the owner's URL: they cannot migrate, nor switch the database's guarantees off
  const { DATABASE_MIGRATION_URL: _, ...inherited } = process.env;
  const env = {
    AUTH_TOKEN_SECRET: localSecret(dataDir),
    BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
    ...inherited,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PORT: String(port),
    HOST: process.env.HOST ?? '127.0.0.1',
  };
  children.push(startApp(root, 'worker', 'dist/apps/worker/src/main.js', env));
  children.push(startApp(root, 'api', 'dist/apps/api/src/main.js', env));

  // this machine only, unless HOST says otherwise: the demo's passwords are printed below
  const host = process.env.HOST ?? '127.0.0.1';
  const baseUrl = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`;
  await waitForHealth(`${baseUrl}/health`);
  const { parties, seeded } = await seedDemo(baseUrl);
  say(seeded > 0 ? `demo data seeded: ${seeded} receivables` : 'demo data already present');
  greet(baseUrl, parties);
}

main().catch(async (error: unknown) => {
  console.error(`[caravan] ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
});
