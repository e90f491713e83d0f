import { Pool } from 'pg';
import { ApiClient } from '../api-client';
import type { DemoParties } from '../demo-data';
import { BenchStack, Figure, figure, load, percentile, rssMiB, sampleRss } from './stack';

// Registering a receivable over HTTP (auth, validation, a scoped debtor lookup, one
// transaction with its audit event) against raw `pg` INSERTs of the same rows on as many
// connections; and the API's memory under that load against the same process idle.
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 4000);
const WARMUP = 400;

export async function runHttp(stack: BenchStack, sme: ApiClient, parties: DemoParties, concurrencies = [16, 64]): Promise<Figure[]> {
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
    if (status !== 201) throw new Error(`registration ${prefix}-${i}: HTTP ${status}`);
  };
  const apiIdle = await rssMiB(stack.api.pid!);
  const figures: Figure[] = [];
  let apiPeak = 0;
  for (const concurrency of concurrencies) {
    await load(WARMUP, concurrency, register(`WARM${concurrency}`));
    const sampler = sampleRss(stack.api.pid!);
    const http = await load(TOTAL, concurrency, register(`HTTP${concurrency}`));
    apiPeak = Math.max(apiPeak, await sampler.stop());

    const pool = new Pool({ connectionString: stack.ownerUrl, max: concurrency });
    const insert = (prefix: string) => async (i: number) => {
      const r = row(i, prefix);
      await pool.query(
        `INSERT INTO receivables (id, creditor_id, debtor_id, invoice_number, waybill_refs, issue_date, due_date, amount, currency, status, registered_at, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'CNY', 'REGISTERED', now(), now())`,
        [parties.hami, r.debtorId, r.invoiceNumber, r.waybillRefs, r.issueDate, r.dueDate, r.amount],
      );
    };
    await load(WARMUP, concurrency, insert(`RAWWARM${concurrency}`));
    const raw = await load(TOTAL, concurrency, insert(`RAW${concurrency}`));
    await pool.end();

    const perSecond = (run: { durations: number[]; seconds: number }) => Math.round(run.durations.length / run.seconds);
    const latency = (run: { durations: number[] }) => ({
      p50ms: Number(percentile(run.durations, 50).toFixed(2)),
      p99ms: Number(percentile(run.durations, 99).toFixed(2)),
    });
    figures.push(
      figure({
        benchmark: 'http',
        figure: `POST /receivables, concurrency ${concurrency}`,
        unit: 'requests/s',
        ours: perSecond(http),
        referenceIs: `raw pg INSERT of the same rows, ${concurrency} connections`,
        reference: perSecond(raw),
        detail: { requests: TOTAL, ours: latency(http), reference: latency(raw) },
      }),
    );
  }
  figures.push(
    figure({
      benchmark: 'memory',
      figure: `API peak RSS under the HTTP load (concurrency up to ${Math.max(...concurrencies)})`,
      unit: 'MiB',
      ours: apiPeak,
      referenceIs: 'the same API process idle, before the load',
      reference: apiIdle,
    }),
  );
  return figures;
}
