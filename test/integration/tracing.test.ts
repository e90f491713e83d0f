import { ChildProcess, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import request from 'supertest';
import type { AppConfig } from '@caravan/config';
import { freePort } from '@caravan/devstack';
import { financingWorkflowId } from '@caravan/financing';
import { temporalWorkerTracing, type SpanLine } from '@caravan/tracing';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { PEOPLE } from '../support/api';
import { applyFor, confirmedReceivable, FinancingStack, reaches, startFinancingStack } from '../support/financing';
import { spawnGroup, stopGroup } from '../support/process-groups';
import { eventually } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

const API_MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
const BUNDLE = resolve(__dirname, '../../dist/workflow-bundle.js');
// who the applicant is, as a browser behind a proxy tells it: no span may keep either
const CLIENT_IP = '203.0.113.77';
const USER_AGENT = 'Mozilla/5.0 (Amina laptop) TraceProbe/1.0';
const ACCOUNT = 'CN6201234567890123456';

/** The built API in a process of its own (Jest's module loader hides http and pg from the instrumentations). */
async function startApiProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const port = await freePort();
  const child = spawnGroup(process.execPath, [API_MAIN], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await eventually(async () => {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}:\n${output}`);
    return (await fetch(`${url}/health`).catch(() => undefined))?.ok || undefined;
  }, 'the traced API to answer');
  return { url, child, output: () => output };
}

const spansIn = (file: string): SpanLine[] =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : [];

/** A span and its ancestors up to the root, or undefined while a parent is still missing from the files. */
function pathToRoot(span: SpanLine, byId: Map<string, SpanLine>): SpanLine[] | undefined {
  const path = [span];
  for (let at = span; at.parentSpanId;) {
    const parent = byId.get(at.parentSpanId);
    if (!parent || parent.traceId !== span.traceId) return undefined;
    path.push((at = parent));
  }
  return path;
}

/** A stand-in OTLP/HTTP collector: the protobuf bodies posted to /v1/traces. */
async function startCollector(): Promise<{ url: string; bodies: Buffer[]; server: Server }> {
  const bodies: Buffer[] = [];
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces' && req.headers['content-type'] === 'application/x-protobuf') bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, bodies, server };
}

/**
 * Issue 17's traces: one financing's application followed from the API's HTTP server span
 * through the Temporal client's StartWorkflow, the workflow, an activity it ran, to the SQL
 * that activity sent, across the API and worker processes, each writing its own trace file;
 * the API sends the same spans to an OTLP collector as well.
 */
describe('traces from HTTP through Temporal to SQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-traces-'));
  const apiSpans = join(dir, 'api.jsonl');
  const workerSpans = join(dir, 'worker.jsonl');
  const traced = (file: string) => ({ TRACE_FILE: file });
  let stack: FinancingStack;
  let worker: WorkerProcess;
  let api: Awaited<ReturnType<typeof startApiProcess>>;
  let collector: Awaited<ReturnType<typeof startCollector>>;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') }); // the replay at the end
    stack = await startFinancingStack('tracing');
    worker = await startWorkerProcess({ ...stack.config, ...traced(workerSpans) } as AppConfig, stack.api.temporal);
    collector = await startCollector();
    // one batch, sent when the API stops: not by a timer nor by its size during the test
    const batch = { OTEL_BSP_SCHEDULE_DELAY: '600000', OTEL_BSP_MAX_QUEUE_SIZE: '100000', OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '100000' };
    // the old HTTP attributes and the stable ones (client.address, user_agent.original, network.peer.address) both
    const otlp = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_SEMCONV_STABILITY_OPT_IN: 'http/dup', ...batch };
    api = await startApiProcess({ ...(stack.config as unknown as Record<string, string>), ...traced(apiSpans), ...otlp });
  });

  afterAll(async () => {
    if (api) await stopGroup(api.child);
    await worker?.stop();
    await stack?.stop();
    collector?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reassembles one application: HTTP → StartWorkflow → workflow → activity → SQL, one trace, every parent present', async () => {
    const receivable = await confirmedReceivable(stack.api, stack.desk, '1000000.00', 90);
    const { invoiceNumber } = (await stack.desk.sme.get(`/receivables/${receivable}`).expect(200)).body;
    const { accessToken } = (
      await request(api.url)
        .post('/auth/login')
        .set({ 'x-forwarded-for': CLIENT_IP, 'user-agent': USER_AGENT })
        .send({ email: PEOPLE.applicant, password: DEMO_PASSWORD })
    ).body;
    const sme = request
      .agent(api.url)
      .set({ authorization: `Bearer ${accessToken}`, 'x-forwarded-for': CLIENT_IP, 'user-agent': USER_AGENT });
    const { id } = await applyFor(sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: stack.api.parties.bank,
      amount: '800000.00',
    });
    await reaches(stack.desk, id, 'AWAITING_COUNTERPARTY');

    const chain = await eventually(async () => {
      const spans = [...spansIn(apiSpans), ...spansIn(workerSpans)];
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      const http = spans.find(
        (s) => s.kind === 'SERVER' && s.attributes['http.method'] === 'POST' && s.attributes['http.target'] === '/financings',
      );
      if (!http) return undefined;
      // the SQL of an activity of this trace, whose every ancestor up to the request has arrived
      const paths = spans
        .filter((s) => s.traceId === http.traceId && s.attributes['db.statement'] !== undefined && s.service === 'caravan-worker')
        .map((s) => pathToRoot(s, byId))
        .filter((path) => path?.at(-1)?.spanId === http.spanId);
      return paths.find((path) => path!.some((s) => s.name.startsWith('RunActivity:')));
    }, 'the application’s trace to reach SQL in an activity');

    const [sql] = chain;
    expect(sql).toMatchObject({ name: expect.stringMatching(/^pg\.query/), attributes: { 'db.system': 'postgresql' } });
    expect(new Set(chain.map((s) => s.traceId)).size).toBe(1);
    // the Temporal steps, from the SQL up: each the ancestor of the one before
    const temporalSteps = chain.map((s) => /^(RunActivity|StartActivity|RunWorkflow|StartWorkflow):/.exec(s.name)?.[1]).filter(Boolean);
    expect(temporalSteps).toEqual(['RunActivity', 'StartActivity', 'RunWorkflow', 'StartWorkflow']);
    expect(chain.find((s) => s.name.startsWith('RunWorkflow:'))).toMatchObject({
      name: 'RunWorkflow:financingWorkflow',
      service: 'caravan-worker',
    });
    expect(chain.find((s) => s.name.startsWith('StartWorkflow:'))?.service).toBe('caravan-api');
    expect(chain.at(-1)).toMatchObject({ kind: 'SERVER', service: 'caravan-api' });

    // the traced run replays against the same bundle: spans and headers change nothing it decides
    const workflowId = financingWorkflowId((await sme.get(`/financings/${id}`).expect(200)).body.ref);
    const history = await stack.api.temporal.workflow.getHandle(workflowId).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: { codePath: BUNDLE }, ...temporalWorkerTracing() }, history, workflowId);

    // the API stopped by SIGTERM sends its batch first: the collector gets the trace (its id's 16 bytes in a protobuf export)
    await sme.get('/financings?access_token=leak-me'); // a secret in a link is no span's
    await sme.get(`/statement-rules/${ACCOUNT}`); // nor an account number in a path, answered or not
    const exited = once(api.child, 'exit');
    api.child.kill('SIGTERM');
    await exited;
    expect(collector.bodies.some((body) => body.includes(Buffer.from(chain.at(-1)!.traceId, 'hex')))).toBe(true);
    expect(readFileSync(apiSpans, 'utf8')).toContain('/financings?access_token=%5Bredacted%5D');
    // what traces never hold: the receivable's invoice number, in Temporal's workflow ids
    // (receivable-confirmation/<creditor>/<debtor>/<invoice>) or anywhere, an account number in a URL, the client's address and user agent
    const spans = [...spansIn(apiSpans), ...spansIn(workerSpans)];
    expect(spans.some((s) => s.name === 'RunActivity:recordConfirmationDecision')).toBe(true); // the confirmation's run was traced
    const keys = new Set(spans.flatMap((s) => Object.keys(s.attributes)));
    for (const key of [
      'temporalWorkflowId',
      'workflowId',
      'http.client_ip',
      'http.user_agent',
      'net.peer.ip',
      'client.address',
      'user_agent.original',
    ])
      expect({ key, present: keys.has(key) }).toEqual({ key, present: false });
    const everything = Buffer.concat([readFileSync(apiSpans), readFileSync(workerSpans), ...collector.bodies]);
    for (const secret of ['leak-me', ACCOUNT, invoiceNumber, CLIENT_IP, 'Amina', 'TraceProbe'])
      expect({ secret, present: everything.includes(secret) }).toEqual({ secret, present: false });
  });

  it('loads nothing of OpenTelemetry in an app whose tracing is off', () => {
    const library = resolve(__dirname, '../../dist/libs/tracing/src/index.js');
    const loaded = `require(${JSON.stringify(library)}).startTracing('off');
      console.log(Object.keys(require.cache).filter((m) => /@opentelemetry|interceptors-opentelemetry/.test(m)).length)`;
    const { PATH, HOME } = process.env;
    const result = spawnSync(process.execPath, ['-e', loaded], { env: { PATH, HOME }, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('0');
  });

  it('refuses a bad tracing variable at boot, naming it without echoing it', () => {
    const { PATH, HOME } = process.env;
    const result = spawnSync(process.execPath, [API_MAIN], {
      env: { PATH, HOME, OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('OTEL_EXPORTER_OTLP_ENDPOINT=<hidden> must be the http(s):// URL of an OTLP collector');
    expect(result.stderr).not.toContain('    at '); // a sentence, not a stack trace
  });
});
