import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attributes, context, SpanStatusCode, trace, Tracer } from '@opentelemetry/api';
import { BasicTracerProvider, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { loadTracingConfig } from '@caravan/config';
import { FileSpanExporter, spanLine } from './file-span-exporter';
import { privateSpans, redactedUrl } from './span-privacy';
import { activeTracing, SpanLine, startTracing, temporalClientInterceptors, temporalWorkerTracing, tracingWanted } from '.';

describe('tracing configuration', () => {
  it('is off unless an exporter is named, and OpenTelemetry’s own switch wins', () => {
    expect(tracingWanted(loadTracingConfig({}))).toBe(false);
    expect(tracingWanted(loadTracingConfig({ TRACE_FILE: '/tmp/spans.jsonl' }))).toBe(true);
    expect(tracingWanted(loadTracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }))).toBe(true);
    expect(tracingWanted(loadTracingConfig({ TRACE_FILE: '/tmp/spans.jsonl', OTEL_SDK_DISABLED: 'true' }))).toBe(false);
  });

  it('refuses a bad variable at boot, without echoing an endpoint', () => {
    expect(() => startTracing('test', { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /OTEL_EXPORTER_OTLP_ENDPOINT=<hidden> must be the http\(s\):\/\/ URL of an OTLP collector/,
    );
    expect(() => startTracing('test', { OTEL_SDK_DISABLED: 'yes' })).toThrow(/OTEL_SDK_DISABLED="yes"/);
  });

  it('starts nothing when unset: no client interceptor, and the worker only drops what an untraced run would never send', () => {
    startTracing('test', {});
    expect(activeTracing()).toBeUndefined();
    expect(temporalClientInterceptors()).toEqual([]);
    const worker = temporalWorkerTracing();
    expect(worker.interceptors).toBeUndefined();
    expect(Object.keys(worker.sinks ?? {})).toEqual(['exporter']);
  });
});

describe('FileSpanExporter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-spans-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON span a line, with the parent each span has', async () => {
    const file = join(dir, 'spans.jsonl');
    const provider = new BasicTracerProvider();
    provider.addSpanProcessor(new SimpleSpanProcessor(new FileSpanExporter(file)));
    const tracer = provider.getTracer('spec');
    const parent = tracer.startSpan('parent', { attributes: { 'http.method': 'POST' } });
    tracer.startSpan('child', {}, trace.setSpan(context.active(), parent)).end();
    parent.end();
    await provider.shutdown();

    const lines: SpanLine[] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const [child, root] = lines;
    expect(root).toMatchObject({ name: 'parent', kind: 'INTERNAL', attributes: { 'http.method': 'POST' } });
    expect(child).toMatchObject({ name: 'child', traceId: root.traceId, parentSpanId: root.spanId });
    expect(root.parentSpanId).toBeUndefined();
  });
});

describe('privateSpans', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-private-spans-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The line a span with these attributes leaves as, through the processor every exporter sits behind. */
  async function leaving(
    attributes: Attributes,
    end: (span: ReturnType<Tracer['startSpan']>) => void = () => undefined,
  ): Promise<SpanLine> {
    const file = join(dir, `${Math.random()}.jsonl`);
    const provider = new BasicTracerProvider();
    provider.addSpanProcessor(privateSpans([new SimpleSpanProcessor(new FileSpanExporter(file))]));
    const span = provider.getTracer('spec').startSpan('span', { attributes });
    end(span);
    span.end();
    await provider.shutdown();
    return JSON.parse(readFileSync(file, 'utf8'));
  }

  it('drops Temporal’s workflow ids (business keys), the workflow info its sink adds, and keeps the run and activity ids', async () => {
    const workflowId = 'receivable-confirmation/creditor-1/debtor-2/INV-2026-0042';
    const { attributes } = await leaving({
      temporalWorkflowId: workflowId,
      workflowId,
      memo: 'INV-2026-0042',
      temporalTerminateReason: 'INV-2026-0042 withdrawn',
      temporalUpdateId: 'INV-2026-0042',
      run_id: 'run-1',
      temporalActivityId: '3',
    });
    expect(attributes).toEqual({ run_id: 'run-1', temporalActivityId: '3' });
  });

  it('drops the client’s address and user agent under either semantic convention, keeping the request’s own attributes', async () => {
    const { attributes } = await leaving({
      'http.method': 'POST',
      'http.target': '/financings',
      'http.status_code': 201,
      'http.client_ip': '203.0.113.7',
      'http.user_agent': 'Mozilla/5.0 (Jane’s laptop)',
      'net.peer.ip': '203.0.113.7',
      'net.peer.port': 51234,
      'net.host.ip': '10.0.0.5',
      'client.address': '203.0.113.7',
      'network.peer.address': '203.0.113.7',
      'user_agent.original': 'Mozilla/5.0 (Jane’s laptop)',
      'http.request.method': 'POST',
      'url.path': '/financings',
      'db.statement': 'SELECT 1',
    });
    expect(attributes).toEqual({
      'http.method': 'POST',
      'http.target': '/financings',
      'http.status_code': 201,
      'net.peer.port': 51234,
      'http.request.method': 'POST',
      'url.path': '/financings',
      'db.statement': 'SELECT 1',
    });
  });

  it('keeps a query’s keys only, in every URL attribute, old and stable (OTEL_SEMCONV_STABILITY_OPT_IN=http)', async () => {
    const { attributes } = await leaving({
      'http.target': '/auth/oidc/callback?code=SECRET1&state=xyz',
      'http.url': 'https://caravan.example/auth/oidc/callback?code=SECRET1&state=xyz#me',
      'url.full': 'https://idp.example:8443/token?client_secret=SECRET3',
      'url.query': 'access_token=SECRET4&debtor=Hami%20Melons&flag',
    });
    expect(attributes).toEqual({
      'http.target': '/auth/oidc/callback?code=%5Bredacted%5D&state=%5Bredacted%5D',
      'http.url': 'https://caravan.example/auth/oidc/callback?code=%5Bredacted%5D&state=%5Bredacted%5D',
      'url.full': 'https://idp.example:8443/token?client_secret=%5Bredacted%5D',
      'url.query': 'access_token=%5Bredacted%5D&debtor=%5Bredacted%5D&flag',
    });
  });

  it('masks a path’s account numbers and references, keeping ids (UUIDs), versions and words', () => {
    const id = '0b7c4a52-3f0e-4d7a-9a61-2f5d8c1e9b40';
    expect(redactedUrl(`/financings/${id}/decision`)).toBe(`/financings/${id}/decision`);
    expect(redactedUrl('/statement-rules/CN6201234567890123456')).toBe('/statement-rules/:masked');
    expect(redactedUrl('/credit-limits/RF-2026-000012/release')).toBe('/credit-limits/:masked/release');
    expect(redactedUrl('http://collector:4318/v1/traces')).toBe('http://collector:4318/v1/traces');
  });

  it('sends an error’s type, never its message: not in an event, not in the status', async () => {
    const file = join(dir, 'error.jsonl');
    const provider = new BasicTracerProvider();
    const exported: ReadableSpan[] = [];
    const exporter = new FileSpanExporter(file);
    provider.addSpanProcessor(
      privateSpans([
        new SimpleSpanProcessor({
          export: (spans, done) => (exported.push(...spans), exporter.export(spans, done)),
          shutdown: async () => undefined,
        }),
      ]),
    );
    const span = provider.getTracer('spec').startSpan('span');
    span.recordException(new TypeError('invoice INV-2026-0042 already financed'));
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'invoice INV-2026-0042 already financed' });
    span.end();
    await provider.shutdown();
    const [sent] = exported;
    expect(sent.events.map((e) => e.attributes)).toEqual([{ 'exception.type': 'TypeError' }]);
    expect(sent.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(JSON.stringify(spanLine(sent))).not.toContain('INV-2026-0042');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      name: 'span',
      status: SpanStatusCode.ERROR,
      traceId: sent.spanContext().traceId,
    });
  });
});
