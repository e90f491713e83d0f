import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ApiClient } from '../api-client';
import { BenchStack, Figure, figure, sampleRss } from './stack';

// 1,000,000 statement lines against 1,000,000 expected movements: the import of the bank's
// file over HTTP (streamed, all or nothing), then a reconciliation run through the worker
// (every rule, decisions, audit events, progress), against PostgreSQL's own join of the same
// lines to the same movements on the exact reference, in the same database and run.
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const ACCOUNT = 'BENCH-PAYOUTS';
const DAY = '2026-11-25';

const amountOf = (i: number) => `${1 + (i % 250_000)}.${String(i % 100).padStart(2, '0')}`;

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

/** What the platform expects: a payout per line, as the financing activities record them. */
async function seedExpectedMovements(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO expected_movements (id, financing_ref, kind, end_to_end_id, reference, direction, amount, currency, value_from, value_to, counterparty, counterparty_key)
     SELECT gen_random_uuid(), 'RF-BENCH-' || (i / 4), 'PAYOUT', 'RF-BENCH-' || i || '/payout', 'RF-BENCH-' || i || '/payout', 'DBIT',
            (1 + i % 250000) + (i % 100) / 100.0, 'CNY', $2::date - 2, $2::date + 5, 'Payee ' || (i % 5000), 'payee' || (i % 5000)
       FROM generate_series(0, $1 - 1) AS i`,
    [LINES, DAY],
  );
  await db.query('ANALYZE expected_movements');
}

/** The bank's file: the same payments, in another order, as a CSV export. Returns its size in MiB. */
async function writeStatement(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write('date;amount;reference;name\n');
  for (let n = 0; n < LINES; n++) {
    const i = (n * 7919) % LINES; // a permutation when LINES is not a multiple of 7919
    if (!out.write(`${DAY};-${amountOf(i)};RF-BENCH-${i}/payout;Payee ${i % 5000}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return Math.round((await stat(file)).size / 1024 / 1024);
}

/** Maps the account's CSV columns, then imports the file over HTTP, watching the API's memory. */
async function importStatement(stack: BenchStack, backOffice: ApiClient, file: string): Promise<{ seconds: number; apiPeak: number }> {
  await backOffice.call('PUT', `/statements/csv-mappings/${ACCOUNT}`, {
    delimiter: ';',
    hasHeader: true,
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    currency: 'CNY',
    columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4 },
  });
  const apiMemory = sampleRss(stack.api.pid!);
  const t0 = Date.now();
  const imported = await upload(`${stack.baseUrl}/statements?format=csv&account=${ACCOUNT}`, backOffice.token!, file);
  const seconds = (Date.now() - t0) / 1000;
  if (imported.status !== 201) throw new Error(`import: HTTP ${imported.status} ${imported.body}`);
  return { seconds, apiPeak: await apiMemory.stop() };
}

/** Starts a reconciliation run and polls it to its end, watching the worker's memory. */
async function reconcile(backOffice: ApiClient, workerPid: number): Promise<{ seconds: number; workerPeak: number }> {
  const workerMemory = sampleRss(workerPid);
  const t0 = Date.now();
  const run = await backOffice.call('POST', '/reconciliation/runs');
  let finished;
  for (;;) {
    finished = await backOffice.call('GET', `/reconciliation/runs/${run.id}`);
    if (finished.status !== 'RUNNING') break;
    process.stdout.write(`\rmatching: ${finished.processed} / ${finished.total}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  const seconds = (Date.now() - t0) / 1000;
  process.stdout.write('\n');
  if (finished.status !== 'DONE' || finished.matched < LINES) throw new Error(`the run ended ${JSON.stringify(finished)}`);
  return { seconds, workerPeak: await workerMemory.stop() };
}

/** PostgreSQL's own exact-reference join of the same rows, materialised as our matches are: its seconds. */
async function referenceJoin(db: Client): Promise<number> {
  const t0 = Date.now();
  const joined = await db.query(
    `CREATE TEMP TABLE reference_join AS
     SELECT l.id AS line_id, e.id AS expected_id, l.amount FROM statement_lines l JOIN expected_movements e ON e.reference = l.end_to_end_id AND e.direction = l.direction
      WHERE l.account = $1`,
    [ACCOUNT],
  );
  const seconds = (Date.now() - t0) / 1000;
  if (joined.rowCount !== LINES) throw new Error(`the reference join found ${joined.rowCount}`);
  return seconds;
}

export async function runReconciliation(stack: BenchStack, backOffice: ApiClient, workerPid: number): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-recon-'));
  const db = new Client({ connectionString: stack.ownerUrl });
  try {
    await db.connect();
    await seedExpectedMovements(db);
    const file = join(dir, 'statement.csv');
    const fileMiB = await writeStatement(file);
    const imported = await importStatement(stack, backOffice, file);
    const matched = await reconcile(backOffice, workerPid);
    const joinSeconds = await referenceJoin(db);

    const lines = LINES.toLocaleString('en');
    const reference = `PostgreSQL's exact-reference join of the same ${lines} lines and movements`;
    return [
      figure({
        benchmark: 'reconciliation',
        figure: `import of a ${lines}-line CSV statement (HTTP, streamed, one transaction)`,
        unit: 'seconds',
        ours: imported.seconds,
        referenceIs: reference,
        reference: joinSeconds,
        detail: { fileMiB, linesPerSecond: Math.round(LINES / imported.seconds), apiPeakRssMiB: imported.apiPeak },
      }),
      figure({
        benchmark: 'reconciliation',
        figure: `reconciliation run over ${lines} lines and ${lines} expected movements (every rule, decisions, audit)`,
        unit: 'seconds',
        ours: matched.seconds,
        referenceIs: reference,
        reference: joinSeconds,
        detail: { linesPerSecond: Math.round(LINES / matched.seconds), workerPeakRssMiB: matched.workerPeak },
      }),
    ];
  } finally {
    await db.end().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
