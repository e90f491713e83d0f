import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { Client } from 'pg';
import { stopProcess } from '../../libs/devstack/src';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, seedParties } from '../demo-data';
import { startBenchStack } from './stack';

// 1,000,000 statement lines against 1,000,000 expected movements: the import of the bank's
// file over HTTP (streamed, all or nothing), then a reconciliation run through the worker
// (every rule, decisions, audit events, progress), against PostgreSQL's own join of the same
// lines to the same movements on the exact reference, in the same database and run.
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const root = resolve(__dirname, '../../..');
const ACCOUNT = 'BENCH-PAYOUTS';
const DAY = '2026-11-25';

const amountOf = (i: number) => `${1 + (i % 250_000)}.${String(i % 100).padStart(2, '0')}`;

/** Peak resident memory of a process so far (VmHWM), in MiB. */
async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024);
}

/** Streams a file as a request body; Node's fetch would give up on a long answer. */
function upload(url: string, token: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode!, body }));
    });
    req.on('error', fail);
    createReadStream(path).pipe(req);
  });
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-recon-'));
  const stack = await startBenchStack();
  const worker = spawn(process.execPath, [resolve(root, 'dist/apps/worker/src/main.js')], { env: { ...process.env, ...stack.env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const db = new Client({ connectionString: stack.databaseUrl });
  try {
    await seedParties(new ApiClient(stack.baseUrl));
    const backOffice = await new ApiClient(stack.baseUrl).login(DEMO_ORGANISATIONS.bank.users[4].email, DEMO_PASSWORD);
    await db.connect();

    // What the platform expects: a payout per line, as the financing activities record them.
    let t0 = Date.now();
    await db.query(
      `INSERT INTO expected_movements (id, financing_ref, kind, end_to_end_id, reference, direction, amount, currency, value_from, value_to, counterparty, counterparty_key)
       SELECT gen_random_uuid(), 'RF-BENCH-' || (i / 4), 'PAYOUT', 'RF-BENCH-' || i || '/payout', 'RF-BENCH-' || i || '/payout', 'DBIT',
              (1 + i % 250000) + (i % 100) / 100.0, 'CNY', $2::date - 2, $2::date + 5, 'Payee ' || (i % 5000), 'payee' || (i % 5000)
         FROM generate_series(0, $1 - 1) AS i`,
      [LINES, DAY],
    );
    await db.query('ANALYZE expected_movements');
    const seedSeconds = (Date.now() - t0) / 1000;

    // The bank's file: the same payments, in another order, as a CSV export.
    const file = join(dir, 'statement.csv');
    const out = createWriteStream(file);
    out.write('date;amount;reference;name\n');
    for (let n = 0; n < LINES; n++) {
      const i = (n * 7919) % LINES; // a permutation when LINES is not a multiple of 7919
      if (!out.write(`${DAY};-${amountOf(i)};RF-BENCH-${i}/payout;Payee ${i % 5000}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const fileMiB = Math.round((await stat(file)).size / 1024 / 1024);

    await backOffice.call('PUT', `/statements/csv-mappings/${ACCOUNT}`, {
      delimiter: ';',
      hasHeader: true,
      decimalSeparator: '.',
      dateFormat: 'YYYY-MM-DD',
      currency: 'CNY',
      columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4 },
    });
    const apiBefore = await peakRssMiB(stack.api.pid!);
    t0 = Date.now();
    const imported = await upload(`${stack.baseUrl}/statements?format=csv&account=${ACCOUNT}`, backOffice.token!, file);
    const importSeconds = (Date.now() - t0) / 1000;
    if (imported.status !== 201) throw new Error(`import: HTTP ${imported.status} ${imported.body}`);
    const apiPeak = await peakRssMiB(stack.api.pid!);

    t0 = Date.now();
    const run = await backOffice.call('POST', '/reconciliation/runs');
    let finished;
    for (;;) {
      finished = await backOffice.call('GET', `/reconciliation/runs/${run.id}`);
      if (finished.status !== 'RUNNING') break;
      process.stdout.write(`\rmatching: ${finished.processed} / ${finished.total}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const matchSeconds = (Date.now() - t0) / 1000;
    process.stdout.write('\n');
    if (finished.status !== 'DONE' || finished.matched !== LINES) throw new Error(`the run ended ${JSON.stringify(finished)}`);
    const workerPeak = await peakRssMiB(worker.pid!);

    // PostgreSQL's own exact-reference join of the same rows, materialised as our matches are.
    t0 = Date.now();
    const joined = await db.query(
      `CREATE TEMP TABLE reference_join AS
       SELECT l.id AS line_id, e.id AS expected_id, l.amount FROM statement_lines l JOIN expected_movements e ON e.reference = l.end_to_end_id AND e.direction = l.direction
        WHERE l.account = $1`,
      [ACCOUNT],
    );
    const joinSeconds = (Date.now() - t0) / 1000;
    if (joined.rowCount !== LINES) throw new Error(`the reference join found ${joined.rowCount}`);

    const result = {
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      lines: LINES,
      fileMiB,
      expectedMovementsSeedSeconds: seedSeconds,
      figures: [
        { figure: 'import (HTTP, streamed CSV, one transaction)', seconds: importSeconds, linesPerSecond: Math.round(LINES / importSeconds), peakRssMiB: apiPeak, rssBeforeMiB: apiBefore },
        { figure: 'reconciliation run (worker, all rules, decisions + audit)', seconds: matchSeconds, linesPerSecond: Math.round(LINES / matchSeconds), peakRssMiB: workerPeak },
        { figure: 'reference: PostgreSQL exact-reference join', seconds: joinSeconds, linesPerSecond: Math.round(LINES / joinSeconds) },
      ],
      ratio: { matchingVsJoin: Number((matchSeconds / joinSeconds).toFixed(1)), importAndMatchingVsJoin: Number(((importSeconds + matchSeconds) / joinSeconds).toFixed(1)) },
    };
    console.table(result.figures);
    console.log(`ratio (our matching / PostgreSQL's join, time): ${result.ratio.matchingVsJoin}; import + matching / join: ${result.ratio.importAndMatchingVsJoin}`);
    const results = resolve(root, 'bench-results');
    await mkdir(results, { recursive: true });
    await writeFile(resolve(results, 'reconciliation.json'), JSON.stringify(result, null, 2));
    console.log('written: bench-results/reconciliation.json');
  } finally {
    await db.end().catch(() => undefined);
    await stopProcess(worker);
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
