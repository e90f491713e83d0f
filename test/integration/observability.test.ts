import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { freePort, spawnGroup, stopGroup } from '@caravan/devstack';
import type { TestApi } from '../support/api';
import { applyFor, approveAndAccept, confirmedReceivable, Desk, reaches, startFinancingStack } from '../support/financing';
import { reconcile } from '../support/reconciliation';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';
import { dashboardMetrics } from '../../scripts/cluster/grafana/dashboard-metrics';

const API_MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
const DASHBOARD = resolve(__dirname, '../../scripts/cluster/grafana/caravan-dashboard.json');
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const scrape = async (port: number) => {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
};
/** The metric names a scrape holds (histograms by their family name too). */
const namesIn = (text: string) =>
  new Set(
    text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .flatMap((l) => {
        const name = l.split(/[{ ]/)[0];
        return [name, name.replace(/_(bucket|sum|count)$/, '')];
      }),
  );

describe('observability: metrics, readiness, graceful shutdown', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  let metricsPort: number;
  let workerMetricsPort: number;

  beforeAll(async () => {
    [metricsPort, workerMetricsPort] = [await freePort(), await freePort()];
    const stack = await startFinancingStack('observability', { METRICS_PORT: metricsPort, WORKER_METRICS_PORT: workerMetricsPort });
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('counts a financing and times its routes on the metrics port, and never serves them on the public one', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    const quote = { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '800000.00' };
    const { id } = (await applyFor(d.sme, quote)) as { id: string };
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    // a statement line nothing awaits: imported (the API counts it), left unmatched by a run (the worker does)
    const day = new Date().toISOString().slice(2, 10).replace(/-/g, '');
    const mt940 = [':20:OBS-1', ':25:6222000011110000', ':28C:1/1', `:60F:C${day}CNY0,00`, `:61:${day}C100,00NTRFNONREF`];
    mt940.push(':86:/ORDP/UNKNOWN PAYER/REMI/NOTHING AWAITED', `:62F:C${day}CNY100,00`, '-');
    await d.backOffice.post('/statements?format=mt940').set('content-type', 'text/plain').send(mt940.join('\r\n')).expect(201);
    await reconcile(d.backOffice);

    const apiText = await scrape(metricsPort);
    expect(apiText).toMatch(
      /caravan_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/financings\/:id",status="200"\}/,
    );
    expect(apiText).toMatch(
      /caravan_http_request_duration_seconds_count\{method="POST",route="\/financings\/:id\/accept",status="200"\} 1/,
    );
    expect(apiText).toMatch(/caravan_receivables_registered_total [1-9]/);
    expect(apiText).toContain('caravan_statement_lines_imported_total{format="mt940"} 1');
    expect(apiText).toContain('process_cpu_user_seconds_total');
    // labels are templates and closed sets: no id, e-mail or amount of any bank
    expect(labelValues(apiText).filter((v) => UUID.test(v) || /@|\d{4,}/.test(v))).toEqual([]);

    // the worker records the stages (its activities write them), beside the SDK's own metrics
    const workerText = await eventually(async () => {
      const text = await scrape(workerMetricsPort);
      return /caravan_financing_stage_transitions_total\{[^}]*to="REPAYING"/.test(text) &&
        text.includes('caravan_reconciliation_lines_total')
        ? text
        : undefined;
    }, 'the worker to count the stage');
    expect(workerText).toMatch(/caravan_financing_stage_transitions_total\{[^}]*from="AWAITING_APPROVAL"[^}]*to="AWAITING_ACCEPTANCE"/);
    expect(workerText).toMatch(/caravan_reconciliation_lines_total\{[^}]*outcome="unmatched"[^}]*\} 1/);
    expect(workerText).toMatch(/temporal_workflow_task_execution_latency/);
    expect(workerText).toMatch(/temporal_sticky_cache_size/);
    expect(labelValues(workerText).filter((v) => UUID.test(v) || /@|\d{4,}/.test(v))).toEqual([]);

    // every metric the dashboard draws is one the processes export
    const exported = new Set([...namesIn(apiText), ...namesIn(workerText)]);
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8'));
    const missing = dashboardMetrics(dashboard).filter((m) => !exported.has(m) && !ONLY_AFTER_A_FAILURE.includes(m));
    expect(missing).toEqual([]);

    await api.http().get('/metrics').expect(404);
  });

  it('is ready when PostgreSQL, Temporal and the schema are, not while a migration is pending; alive regardless', async () => {
    expect((await api.http().get('/health/ready').expect(200)).body).toEqual({
      status: 'up',
      checks: { database: 'up', temporal: 'up', migrations: 'up', shutdown: 'up' },
    });
    const owner = api.owner;
    const [last] = await owner.query('SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1');
    await owner.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    // a readiness answer serves every caller for a second: each change is seen after it
    const pastCache = () => new Promise((r) => setTimeout(r, 1100));
    try {
      await pastCache();
      const notReady = await api.http().get('/health/ready').expect(503);
      expect(notReady.body).toMatchObject({ checks: { database: 'up', temporal: 'up', migrations: 'down' } });
      expect(JSON.stringify(notReady.body)).not.toMatch(/postgres|127\.0\.0\.1|Migration|\d{13}/);
      await api.http().get('/health/live').expect(200, { status: 'up' });
    } finally {
      await owner.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    await pastCache();
    await api.http().get('/health/ready').expect(200);
  });

  it('drains the worker on SIGTERM, which then exits 0', async () => {
    const started = Date.now();
    expect(await worker.stop()).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('on SIGTERM says not ready, finishes the request in flight, then exits 0', async () => {
    const config = await isolatedConfig('observability_shutdown');
    const port = await freePort();
    const env = { ...process.env, ...stringsOf(config), PORT: String(port), SHUTDOWN_DRAIN_SECONDS: '1', LOG_LEVEL: 'warn' };
    // a group also killed when the test process exits: after a Jest timeout this body may never reach its finally
    const child = spawnGroup(process.execPath, [API_MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr!.on('data', (chunk) => (errors += chunk));
    const exited = once(child, 'exit');
    try {
      const base = `http://127.0.0.1:${port}`;
      await eventually(
        () =>
          fetch(`${base}/health/ready`).then(
            (r) => (r.ok ? true : undefined),
            () => (child.exitCode === null ? undefined : errors),
          ),
        'the API',
        30_000,
      );
      if (child.exitCode !== null) throw new Error(`the API stopped at boot: ${errors}`);
      // a sign-in whose body is still arriving when the signal comes
      const body = JSON.stringify({ email: config.BOOTSTRAP_ADMIN_EMAIL, password: config.BOOTSTRAP_ADMIN_PASSWORD });
      const inFlight = httpRequest(`${base}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      });
      const answered = new Promise<{ status: number; text: string }>((done, fail) => {
        inFlight.on('response', (res) => {
          let text = '';
          res.on('data', (c) => (text += c)).on('end', () => done({ status: res.statusCode!, text }));
        });
        inFlight.on('error', fail);
      });
      inFlight.write(body.slice(0, 10));
      await new Promise((r) => setTimeout(r, 200));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 400));
      const draining = await fetch(`${base}/health/ready`);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toMatchObject({ checks: { shutdown: 'down' } });
      await new Promise((r) => setTimeout(r, 800));
      inFlight.end(body.slice(10));
      const answer = await answered;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).accessToken).toEqual(expect.any(String));
      const [code] = await exited;
      expect(code).toBe(0);
    } finally {
      await stopGroup(child, 1_000);
    }
  });
});

/** Counters the SDK exports only once something has failed: a clean financing may have none. */
const ONLY_AFTER_A_FAILURE = ['temporal_activity_execution_failed_total', 'temporal_workflow_task_execution_failed_total'];

/** Every label value of a scrape but the histograms' bucket bounds and the SDK's namespace and queue (the tests' are suffixed). */
function labelValues(text: string): string[] {
  return [...text.matchAll(/(\w+)="([^"]*)"/g)]
    .filter(([, name]) => !['le', 'namespace', 'task_queue'].includes(name))
    .map(([, , value]) => value);
}

function stringsOf(config: object): Record<string, string> {
  return Object.fromEntries(Object.entries(config).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
}
