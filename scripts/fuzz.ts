import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { stopProcess } from '@caravan/devstack';
import { ApiClient } from './api-client';
import { startBenchStack, startWorker } from './bench/stack';
import { DEMO_ADMIN, DEMO_AUDITOR, DEMO_ORGANISATIONS, DEMO_PASSWORD, seedDemo } from './demo-data';
import { fuzzEdge } from './fuzz-edge';
import { fingerprint, onboardRival, RIVAL } from './two-banks';

// `npm run test:fuzz`: schemathesis (from PyPI, in .tools/fuzz-venv) generates requests
// from our OpenAPI document for every operation, once per role with that role's token,
// against an API, worker, PostgreSQL and Temporal of its own. A run fails on any 5xx, on a
// response that breaks its documented schema or content type, or on a request the schema
// forbids that the API accepted anyway. Each role first sends only requests the schema
// forbids: every table must have as many rows afterwards as before (a refusal writes nothing).
// Beside the demo's bank, Rival Bank (every role) and another SME are fuzzed too: whatever
// they send, the demo bank's and its customers' rows stay exactly as they were.
const root = resolve(__dirname, '../..');
const SCHEMATHESIS = process.env.SCHEMATHESIS ?? resolve(root, '.tools/fuzz-venv/bin/schemathesis');
const EXAMPLES = process.env.FUZZ_EXAMPLES ?? '15';
const CHECKS = 'not_a_server_error,response_schema_conformance,content_type_conformance,negative_data_rejection';
const EDGE_STATEMENT_MAX_BYTES = 1024 * 1024;

const o = DEMO_ORGANISATIONS;
const ROLES: Array<[string, string, string, 'outsider'?]> = [
  ['SME applicant', o.hami.users[0].email, DEMO_PASSWORD],
  ['core enterprise', o.powerGroup.users[0].email, DEMO_PASSWORD],
  ['custodian', o.yard.users[0].email, DEMO_PASSWORD],
  ['credit officer', o.bank.users[0].email, DEMO_PASSWORD],
  ['approver', o.bank.users[1].email, DEMO_PASSWORD],
  ['back office', o.bank.users[4].email, DEMO_PASSWORD],
  ['operator admin', DEMO_ADMIN.email, DEMO_ADMIN.password],
  ['auditor', DEMO_AUDITOR.email, DEMO_PASSWORD],
  ...Object.entries(RIVAL.people).map(([key, p]): [string, string, string, 'outsider'] => [
    `rival ${key}`,
    p.email,
    DEMO_PASSWORD,
    'outsider',
  ]),
  ['other SME applicant', RIVAL.smePeople.applicant.email, DEMO_PASSWORD, 'outsider'],
];

interface SummaryRow {
  role: string;
  exit: number;
  operations?: number;
  cases?: number;
  failures?: number;
  seconds?: number;
  refusedWrote?: string;
  demoBankChanged?: string;
}

/** Rows in every table of the schema: what a refused request must not change. */
async function rowCounts(db: Client): Promise<Record<string, number>> {
  const { rows: tables } = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) counts[tablename] = Number((await db.query(`SELECT count(*) AS n FROM "${tablename}"`)).rows[0].n);
  return counts;
}

/** Slow bodies and oversized uploads on every operation at once (fuzz-edge.ts), as the back office. */
async function edgeLane(baseUrl: string, db: Client, out: string): Promise<SummaryRow> {
  const backOffice = await new ApiClient(baseUrl).login(DEMO_ORGANISATIONS.bank.users[4].email, DEMO_PASSWORD);
  await backOffice.call('PUT', '/statements/csv-mappings/EDGE-1', {
    delimiter: ';',
    hasHeader: true,
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    currency: 'CNY',
    columns: { bookingDate: 1, amount: 2 },
  });
  const signIn = async () =>
    (
      await new ApiClient(baseUrl).request('POST', '/auth/login', {
        email: DEMO_ORGANISATIONS.hami.users[0].email,
        password: DEMO_PASSWORD,
      })
    ).status;
  console.log('\n[fuzz] edge: slow bodies and oversized uploads on every operation with a body');
  const before = await rowCounts(db);
  const { outcomes, stillAnswers } = await fuzzEdge(baseUrl, backOffice.token!, signIn, EDGE_STATEMENT_MAX_BYTES);
  const after = await rowCounts(db);
  await writeFile(resolve(out, 'edge.json'), JSON.stringify(outcomes, null, 2));
  const failures = outcomes.filter((o) => !/^4\d\d$/.test(o.answer));
  for (const f of failures) console.log(`[fuzz] edge: ${f.kind} ${f.call} answered ${f.answer}`);
  const wrote = Object.keys(after).filter((t) => after[t] !== before[t] && t !== 'login_throttles');
  console.log(
    `[fuzz] edge: ${outcomes.length} requests, ${failures.length} not refused with a 4xx, API ${stillAnswers ? 'answered throughout' : 'STOPPED answering'}`,
  );
  return {
    role: 'edge (slow, oversized)',
    exit: failures.length > 0 || !stillAnswers || wrote.length > 0 ? 1 : 0,
    cases: outcomes.length,
    failures: failures.length,
    refusedWrote: wrote.join(',') || 'nothing',
    demoBankChanged: 'n/a',
  };
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((done) => spawn(command, args, { stdio: 'inherit' }).once('exit', (code) => done(code ?? 1)));
}

/**
 * One role's lane: first only requests its role forbids (nothing may be written), then
 * everything; an outsider must leave the demo bank's rows as they were.
 */
async function roleLane(
  baseUrl: string,
  db: Client,
  out: string,
  [role, email, password, outsider]: (typeof ROLES)[number],
  demoBank: () => Promise<Record<string, string>>,
): Promise<SummaryRow> {
  const demoBefore = outsider ? await demoBank() : {};
  const { token } = await new ApiClient(baseUrl).login(email, password);
  const report = resolve(out, `${role.replace(/\W+/g, '-')}.json`);
  const common = [
    '--header',
    `Authorization: Bearer ${token}`,
    '--workers',
    '2',
    '--seed',
    '2026',
    '--request-timeout',
    '30',
    '--continue-on-failure',
  ];
  console.log(`\n[fuzz] ${role} (${email}): only forbidden requests`);
  const before = await rowCounts(db);
  // an operation with no input at all (start a run now) has nothing to get wrong
  const refusedExit = await run(SCHEMATHESIS, [
    'run',
    `${baseUrl}/docs/openapi.json`,
    ...common,
    '--mode',
    'negative',
    '--exclude-operation-id',
    'ReconciliationController_start',
    '--checks',
    CHECKS,
    '--max-examples',
    EXAMPLES,
    '--phases',
    'coverage,fuzzing',
  ]);
  const after = await rowCounts(db);
  const wrote = Object.keys(after).filter((t) => after[t] !== before[t]);
  console.log(`\n[fuzz] ${role} (${email}): everything`);
  const exit = await run(SCHEMATHESIS, [
    'run',
    `${baseUrl}/docs/openapi.json`,
    ...common,
    '--checks',
    CHECKS,
    '--max-examples',
    EXAMPLES,
    '--phases',
    'examples,coverage,fuzzing',
    '--report',
    'json',
    '--report-json-path',
    report,
  ]);
  const json = JSON.parse(await readFile(report, 'utf8').catch(() => '{}'));
  const demoAfter = outsider ? await demoBank() : {};
  const changed = Object.keys(demoBefore).filter((t) => demoAfter[t] !== demoBefore[t]);
  return {
    role,
    exit: Math.max(exit, refusedExit, wrote.length > 0 || changed.length > 0 ? 1 : 0),
    refusedWrote: wrote.join(',') || 'nothing',
    demoBankChanged: outsider ? changed.join(',') || 'nothing' : 'n/a',
    operations: json.operations?.tested,
    cases: json.test_cases?.generated,
    failures: json.test_cases?.unique_failures,
    seconds: Math.round(json.running_time ?? 0),
  };
}

async function main(): Promise<void> {
  const only = process.env.FUZZ_ROLES?.split(',');
  // short request timeout and statement cap: the edge lane's slow bodies and oversized uploads meet them soon
  const stack = await startBenchStack({
    AUTH_TOKEN_TTL_SECONDS: '3600',
    HTTP_REQUEST_TIMEOUT_SECONDS: '5',
    STATEMENT_MAX_BYTES: String(EDGE_STATEMENT_MAX_BYTES),
  });
  const worker = startWorker(stack);
  const summary: SummaryRow[] = [];
  const db = new Client({ connectionString: stack.ownerUrl });
  try {
    const { parties } = await seedDemo(stack.baseUrl);
    await onboardRival(new ApiClient(stack.baseUrl));
    await db.connect();
    const demoBank = () => fingerprint(async (sql, params) => (await db.query(sql, params)).rows, parties.bank, parties.hami);
    const out = resolve(root, 'test-results/fuzz');
    await mkdir(out, { recursive: true });
    if (!only || only.includes('edge')) summary.push(await edgeLane(stack.baseUrl, db, out));
    for (const lane of ROLES.filter(([r]) => !only || only.includes(r)))
      summary.push(await roleLane(stack.baseUrl, db, out, lane, demoBank));
    console.table(summary);
    await writeFile(resolve(out, 'summary.json'), JSON.stringify(summary, null, 2));
    if (summary.some((s) => s.exit !== 0)) process.exitCode = 1;
  } finally {
    await db.end().catch(() => undefined);
    await stopProcess(worker);
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
