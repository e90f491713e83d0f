import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS } from '../demo-data';
import { BenchStack, Figure, figure, sampleRss } from './stack';

// 1,000,000 statement lines against 1,000,000 expected movements: the import of the bank's
// file over HTTP (streamed, all or nothing) against PostgreSQL's COPY of the same file into a
// plain table; then a reconciliation run through the worker (every rule, decisions, audit
// events, progress) against one set-based SQL statement writing the same decisions, links,
// audit events and states (rolled back), in the same database and run. A quarter of the lines
// quote no reference: rule 2 (amount, window, payer) matches them. PostgreSQL's bare
// exact-reference join of the lines to the movements stays in the detail.
const LINES = Number(process.env.BENCH_LINES ?? 1_000_000);
const ACCOUNT = 'BENCH-PAYOUTS';
const DAY = '2026-11-25';

// each payment's amount is its own: rule 2 finds one candidate for a line that quotes nothing,
// whose payer pays nothing else (a payer of many lines makes rule 4, still Node's, go through them all)
const amountOf = (i: number) => `${1 + Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}`;
const referenceLess = (i: number) => i * 4 < LINES;
const payeeOf = (i: number) => (referenceLess(i) ? `Payer ${i}` : `Payee ${i % 5000}`);
const REFERENCED = LINES - Math.ceil(LINES / 4);

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

/**
 * What the platform expects: a payout per line, as the financing activities record them (the
 * bank's rows, the reference keyed as the rules compare it: upper case, as `referenceKey` keeps it).
 */
async function seedExpectedMovements(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO expected_movements (id, financing_ref, kind, end_to_end_id, reference, direction, amount, currency, value_from, value_to, counterparty, counterparty_key)
     SELECT gen_random_uuid(), 'RF-BENCH-' || (i / 4), 'PAYOUT', 'RF-BENCH-' || i || '/payout', 'RF-BENCH-' || i || '/PAYOUT', 'DBIT',
            (1 + i / 100) + (i % 100) / 100.0, 'CNY', $2::date - 2, $2::date + 5,
            CASE WHEN i * 4 < $1 THEN 'Payer ' || i ELSE 'Payee ' || (i % 5000) END, CASE WHEN i * 4 < $1 THEN 'payer' || i ELSE 'payee' || (i % 5000) END
       FROM generate_series(0, $1 - 1) AS i`,
    [LINES, DAY],
  );
  await db.query('ANALYZE expected_movements');
}

/** The bank's file: the same payments, in another order, a quarter without our reference, as a CSV export. Returns its size in MiB. */
async function writeStatement(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write('date;amount;reference;name\n');
  for (let n = 0; n < LINES; n++) {
    const i = (n * 7919) % LINES; // a permutation when LINES is not a multiple of 7919
    const reference = referenceLess(i) ? '' : `RF-BENCH-${i}/payout`;
    if (!out.write(`${DAY};-${amountOf(i)};${reference};${payeeOf(i)}\n`)) await once(out, 'drain');
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

/**
 * Starts a reconciliation run and polls it to its end, watching the worker's memory; `runSeconds`
 * is the run's own start to finish as it records them (the polling's second aside).
 */
async function reconcile(backOffice: ApiClient, workerPid: number): Promise<{ seconds: number; runSeconds: number; workerPeak: number }> {
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
  const runSeconds = (Date.parse(finished.finishedAt) - Date.parse(finished.startedAt)) / 1000;
  return { seconds, runSeconds, workerPeak: await workerMemory.stop() };
}

/** PostgreSQL's own exact-reference join of the lines quoting a reference, materialised as our matches are: its seconds. */
async function referenceJoin(db: Client): Promise<number> {
  const t0 = Date.now();
  const joined = await db.query(
    `CREATE TEMP TABLE reference_join AS
     SELECT l.id AS line_id, e.id AS expected_id, l.amount FROM statement_lines l JOIN expected_movements e ON e.reference = upper(l.end_to_end_id) AND e.direction = l.direction
      WHERE l.account = $1`,
    [ACCOUNT],
  );
  const seconds = (Date.now() - t0) / 1000;
  if (joined.rowCount !== REFERENCED) throw new Error(`the reference join found ${joined.rowCount}`);
  return seconds;
}

/** PostgreSQL's COPY of the same file into a plain table: its seconds. */
async function copyReference(db: Client, file: string): Promise<number> {
  await db.query('CREATE TEMP TABLE copied_statement (day date, amount numeric, reference text, name text)');
  const t0 = Date.now();
  await pipeline(createReadStream(file), db.query(copyFrom(`COPY copied_statement FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)`)));
  const seconds = (Date.now() - t0) / 1000;
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM copied_statement')).rows;
  if (n !== LINES) throw new Error(`COPY read ${n} lines`);
  return seconds;
}

/**
 * The run as one set-based statement: each line joined to its movement by the exact reference,
 * or, quoting none, by the amount, the payer and the window (the data give each one candidate),
 * writing what our run writes for it (a decision, its link, its audit event, the line's and the
 * movement's new states), in the bank's scope; rolled back, so that our run finds it all to do.
 */
async function setBasedRun(db: Client): Promise<number> {
  await db.query('BEGIN');
  try {
    const t0 = Date.now();
    const { rows } = await db.query(
      `WITH pair AS MATERIALIZED (
         SELECT gen_random_uuid() AS decision_id, p.* FROM (
           SELECT 'END_TO_END' AS method, l.id AS line_id, e.id AS expected_id, l.amount
             FROM statement_lines l JOIN expected_movements e ON e.reference = upper(l.end_to_end_id) AND e.direction = l.direction AND e.currency = l.currency
            WHERE l.account = $1 AND l.match_status = 'UNMATCHED' AND e.status <> 'MATCHED'
           UNION ALL
           SELECT 'AMOUNT_DATE_COUNTERPARTY', l.id, e.id, l.amount
             FROM statement_lines l JOIN expected_movements e ON e.amount - e.settled = l.amount AND e.direction = l.direction AND e.currency = l.currency
                  AND e.counterparty_key = l.counterparty_key AND coalesce(l.booking_date, l.value_date) BETWEEN e.value_from AND e.value_to
            WHERE l.account = $1 AND l.match_status = 'UNMATCHED' AND l.end_to_end_id IS NULL AND e.status <> 'MATCHED') p),
       decided AS (INSERT INTO match_decisions (id, method, confidence, status, forwarded_at, decided_by)
                   SELECT decision_id, method, 1, 'ACTIVE', now(), 'bench' FROM pair),
       linked AS (INSERT INTO match_links (decision_id, line_id, expected_id, amount) SELECT decision_id, line_id, expected_id, amount FROM pair),
       matched AS (UPDATE statement_lines l SET match_status = 'MATCHED' FROM pair p WHERE l.id = p.line_id),
       settled AS (UPDATE expected_movements e SET settled = e.settled + p.amount, status = 'MATCHED' FROM pair p WHERE e.id = p.expected_id),
       audited AS (INSERT INTO audit_events (actor_label, action, entity_type, entity_id, after)
                   SELECT 'bench', 'statement-line.match', 'statement-match', decision_id::text,
                          jsonb_build_object('method', method, 'confidence', 1, 'links',
                            jsonb_build_array(jsonb_build_object('lineId', line_id::text, 'expectedId', expected_id, 'amount', amount::text)))
                     FROM pair)
       SELECT count(*)::int AS n FROM pair`,
      [ACCOUNT],
    );
    const seconds = (Date.now() - t0) / 1000;
    if (rows[0].n !== LINES) throw new Error(`the set-based run decided ${rows[0].n} lines`);
    return seconds;
  } finally {
    await db.query('ROLLBACK');
  }
}

export async function runReconciliation(stack: BenchStack, backOffice: ApiClient, workerPid: number): Promise<Figure[]> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-recon-'));
  const db = new Client({ connectionString: stack.ownerUrl });
  try {
    await db.connect();
    // the owner writes the bank's rows as the bank's own transactions would: in its scope
    const bankUsers = DEMO_ORGANISATIONS.bank.users.map((u) => u.email);
    const { rows } = await db.query('SELECT organisation_id FROM users WHERE email = ANY($1) LIMIT 1', [bankUsers]);
    await db.query(`SELECT set_config('caravan.organisation', $1, false)`, [rows[0].organisation_id]);
    await seedExpectedMovements(db);
    const file = join(dir, 'statement.csv');
    const fileMiB = await writeStatement(file);
    const copySeconds = await copyReference(db, file);
    const imported = await importStatement(stack, backOffice, file);
    const setBasedSeconds = await setBasedRun(db);
    const matched = await reconcile(backOffice, workerPid);
    const joinSeconds = await referenceJoin(db);

    const lines = LINES.toLocaleString('en');
    return [
      figure({
        benchmark: 'reconciliation',
        figure: `import of a ${lines}-line CSV statement (HTTP, streamed, one transaction)`,
        unit: 'seconds',
        ours: imported.seconds,
        referenceIs: `PostgreSQL's COPY of the same file into a plain table`,
        reference: copySeconds,
        detail: { fileMiB, linesPerSecond: Math.round(LINES / imported.seconds), apiPeakRssMiB: imported.apiPeak },
      }),
      figure({
        benchmark: 'reconciliation',
        figure: `reconciliation run over ${lines} lines and ${lines} expected movements (every rule, decisions, audit)`,
        unit: 'seconds',
        ours: matched.seconds,
        referenceIs: 'one set-based SQL statement writing the same decisions, links, audit events and states',
        reference: setBasedSeconds,
        detail: {
          linesPerSecond: Math.round(LINES / matched.seconds),
          workerPeakRssMiB: matched.workerPeak,
          runSeconds: matched.runSeconds,
          exactReferenceJoinSeconds: joinSeconds,
          linesWithoutReference: LINES - REFERENCED,
        },
      }),
    ];
  } finally {
    await db.end().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
