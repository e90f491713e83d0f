import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stopProcess } from '../libs/devstack/src';
import { ApiClient } from './api-client';
import { startBenchStack, startWorker } from './bench/stack';
import { DEMO_ADMIN, DEMO_AUDITOR, DEMO_ORGANISATIONS, DEMO_PASSWORD, seedDemo } from './demo-data';

// `npm run test:fuzz`: schemathesis (from PyPI, in .tools/fuzz-venv) generates requests
// from our OpenAPI document for every operation, once per role with that role's token,
// against an API, worker, PostgreSQL and Temporal of its own. A run fails on any 5xx, on a
// response that breaks its documented schema or content type, or on a request the schema
// forbids that the API accepted anyway.
const root = resolve(__dirname, '../..');
const SCHEMATHESIS = process.env.SCHEMATHESIS ?? resolve(root, '.tools/fuzz-venv/bin/schemathesis');
const EXAMPLES = process.env.FUZZ_EXAMPLES ?? '15';
const CHECKS = 'not_a_server_error,response_schema_conformance,content_type_conformance,negative_data_rejection';

const o = DEMO_ORGANISATIONS;
const ROLES: Array<[string, string, string]> = [
  ['SME applicant', o.hami.users[0].email, DEMO_PASSWORD],
  ['core enterprise', o.powerGroup.users[0].email, DEMO_PASSWORD],
  ['custodian', o.yard.users[0].email, DEMO_PASSWORD],
  ['credit officer', o.bank.users[0].email, DEMO_PASSWORD],
  ['approver', o.bank.users[1].email, DEMO_PASSWORD],
  ['back office', o.bank.users[4].email, DEMO_PASSWORD],
  ['operator admin', DEMO_ADMIN.email, DEMO_ADMIN.password],
  ['auditor', DEMO_AUDITOR.email, DEMO_PASSWORD],
];

function run(command: string, args: string[]): Promise<number> {
  return new Promise((done) => spawn(command, args, { stdio: 'inherit' }).once('exit', (code) => done(code ?? 1)));
}

async function main(): Promise<void> {
  const only = process.env.FUZZ_ROLES?.split(',');
  const stack = await startBenchStack({ AUTH_TOKEN_TTL_SECONDS: '3600' });
  const worker = startWorker(stack);
  const summary: Array<{ role: string; exit: number; operations?: number; cases?: number; failures?: number }> = [];
  try {
    await seedDemo(stack.baseUrl);
    const out = resolve(root, 'test-results/fuzz');
    await mkdir(out, { recursive: true });
    for (const [role, email, password] of ROLES.filter(([r]) => !only || only.includes(r))) {
      const { token } = await new ApiClient(stack.baseUrl).login(email, password);
      const report = resolve(out, `${role.replace(/\W+/g, '-')}.json`);
      console.log(`\n[fuzz] ${role} (${email})`);
      const exit = await run(SCHEMATHESIS, [
        'run',
        `${stack.baseUrl}/docs/openapi.json`,
        '--header',
        `Authorization: Bearer ${token}`,
        '--checks',
        CHECKS,
        '--max-examples',
        EXAMPLES,
        '--phases',
        'examples,coverage,fuzzing',
        '--workers',
        '2',
        '--seed',
        '2026',
        '--request-timeout',
        '30',
        '--continue-on-failure',
        '--report',
        'json',
        '--report-json-path',
        report,
      ]);
      const json = JSON.parse(await readFile(report, 'utf8').catch(() => '{}'));
      summary.push({ role, exit, ...(json.summary ?? {}) });
    }
    console.table(summary);
    await writeFile(resolve(out, 'summary.json'), JSON.stringify(summary, null, 2));
    if (summary.some((s) => s.exit !== 0)) process.exitCode = 1;
  } finally {
    await stopProcess(worker);
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
