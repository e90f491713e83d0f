import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { OrganisationKind } from '@caravan/access';
import { Money } from '@caravan/money';
import { registerReceivable, registrationStatement } from '@caravan/receivables';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, type DemoParties } from '../demo-data';
import { BenchStack, cpuSeconds, cpuUsed, Figure, figure, load, percentile, rssMiB, sampleRss } from './stack';

// Registering a receivable over HTTP (auth, validation, one statement that checks the debtor
// and writes the receivable with its audit event) against raw `pg` running that same statement
// on as many connections (and, for the floor, a bare INSERT of the row); and the API's memory
// under that load against the same process idle.
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
  const { api, postgres } = await stack.pids();
  const roots = { api, postgres };
  // CPU milliseconds per registration, by process (the raw reference's window holds its warm-up too)
  const cpuMs = (a: Record<string, number>, b: Record<string, number>, n = TOTAL) => cpuUsed(a, b, n / 1000);
  for (const concurrency of concurrencies) {
    await load(WARMUP, concurrency, register(`WARM${concurrency}`));
    const sampler = sampleRss(stack.api.pid!);
    const cpu0 = await cpuSeconds(roots);
    const http = await load(TOTAL, concurrency, register(`HTTP${concurrency}`));
    const cpu1 = await cpuSeconds(roots);
    apiPeak = Math.max(apiPeak, await sampler.stop());

    const pool = new Pool({ connectionString: stack.ownerUrl, max: concurrency });
    const raw = await rawReference(pool, concurrency, parties, row);
    const cpu2 = await cpuSeconds(roots);
    const bare = await bareInsert(pool, concurrency, parties, row);
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
        referenceIs: `raw pg running the same registration statement, ${concurrency} connections`,
        reference: perSecond(raw),
        detail: {
          requests: TOTAL,
          ours: latency(http),
          reference: latency(raw),
          bareInsert: { perSecond: perSecond(bare), ...latency(bare) },
          cpuMsEach: { ours: cpuMs(cpu0, cpu1), reference: cpuMs(cpu1, cpu2, WARMUP + TOTAL) },
        },
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

type Row = (
  i: number,
  prefix: string,
) => { debtorId: string; invoiceNumber: string; waybillRefs: string[]; issueDate: string; dueDate: string; amount: string };

/** The registration's own statement (debtor check, receivable, audit event) on raw pg. */
async function rawReference(pool: Pool, concurrency: number, parties: DemoParties, row: Row) {
  const email = DEMO_ORGANISATIONS.hami.users[0].email;
  const [{ id: userId }] = (await pool.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows;
  const actor = { userId, email, organisationId: parties.hami, organisationKind: OrganisationKind.SME, roles: [] };
  const register = (prefix: string) => async (i: number) => {
    const r = row(i, prefix);
    const receivable = registerReceivable({ ...r, creditorId: parties.hami, amount: Money.of(r.amount, 'CNY') }, randomUUID(), new Date());
    const { text, values } = registrationStatement(receivable, actor);
    const { rows } = await pool.query<{ inserted: number }>(text, values);
    if (rows[0].inserted !== 1) throw new Error(`raw registration ${prefix}-${i} wrote nothing`);
  };
  await load(WARMUP, concurrency, register(`RAWWARM${concurrency}`));
  return load(TOTAL, concurrency, register(`RAW${concurrency}`));
}

/** The floor: a bare INSERT of the row, no debtor check, no audit event. */
async function bareInsert(pool: Pool, concurrency: number, parties: DemoParties, row: Row) {
  const insert = (prefix: string) => async (i: number) => {
    const r = row(i, prefix);
    await pool.query(
      `INSERT INTO receivables (id, creditor_id, debtor_id, invoice_number, waybill_refs, issue_date, due_date, amount, currency, status, registered_at, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, 'CNY', 'REGISTERED', now(), now())`,
      [parties.hami, r.debtorId, r.invoiceNumber, r.waybillRefs, r.issueDate, r.dueDate, r.amount],
    );
  };
  await load(WARMUP, concurrency, insert(`BAREWARM${concurrency}`));
  return load(TOTAL, concurrency, insert(`BARE${concurrency}`));
}
