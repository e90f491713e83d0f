import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, seedParties } from '../demo-data';
import { load, percentile, startBenchStack } from './stack';

// Registering a receivable over HTTP (auth, validation, one transaction with its audit event)
// at concurrency 16, against the same machine's raw `pg` insert of the same rows in the same run.
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 4000);
const WARMUP = 400;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function main(): Promise<void> {
  const stack = await startBenchStack();
  try {
    const parties = await seedParties(new ApiClient(stack.baseUrl));
    const sme = await new ApiClient(stack.baseUrl).login(DEMO_ORGANISATIONS.hami.users[0].email, DEMO_PASSWORD);
    const row = (i: number, prefix: string) => ({
      debtorId: parties.powerGroup,
      invoiceNumber: `${prefix}-${i}`,
      waybillRefs: [`WB-${i}`],
      issueDate: '2026-11-02',
      dueDate: '2027-01-31',
      amount: `${1000 + (i % 9000)}.${String(i % 100).padStart(2, '0')}`,
    });
    const register = (prefix: string) => async (i: number) => {
      const { status } = await sme.request('POST', '/receivables', row(i, prefix));
      if (status !== 201) throw new Error(`registration ${i}: HTTP ${status}`);
    };

    await load(WARMUP, CONCURRENCY, register('WARM'));
    const http = await load(TOTAL, CONCURRENCY, register('HTTP'));

    const pool = new Pool({ connectionString: stack.databaseUrl, max: CONCURRENCY });
    const insert = async (i: number) => {
      const r = row(i, 'RAW');
      await pool.query(
        `INSERT INTO receivables (id, creditor_id, debtor_id, invoice_number, waybill_refs, issue_date, due_date, amount, currency, status, registered_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'CNY', 'REGISTERED', now(), now())`,
        [parties.hami, r.debtorId, r.invoiceNumber, r.waybillRefs, r.issueDate, r.dueDate, r.amount],
      );
    };
    await load(WARMUP, CONCURRENCY, (i) => insert(TOTAL + i));
    const raw = await load(TOTAL, CONCURRENCY, insert);
    await pool.end();

    const figure = (name: string, run: { durations: number[]; seconds: number }) => ({
      name,
      perSecond: Math.round(run.durations.length / run.seconds),
      p50ms: Number(percentile(run.durations, 50).toFixed(2)),
      p99ms: Number(percentile(run.durations, 99).toFixed(2)),
    });
    const ours = figure(`POST /receivables, concurrency ${CONCURRENCY}`, http);
    const reference = figure(`raw pg INSERT, ${CONCURRENCY} connections`, raw);
    const result = {
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      requests: TOTAL,
      ours,
      reference,
      ratio: Number((ours.perSecond / reference.perSecond).toFixed(3)),
    };
    console.table([ours, reference]);
    console.log(`ratio (ours / raw pg): ${result.ratio}`);
    const out = resolve(__dirname, '../../../bench-results');
    await mkdir(out, { recursive: true });
    await writeFile(resolve(out, 'register-receivables.json'), JSON.stringify(result, null, 2));
    console.log(`written: bench-results/register-receivables.json`);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
