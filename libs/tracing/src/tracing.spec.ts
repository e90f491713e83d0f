import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, trace } from '@opentelemetry/api';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { loadTracingConfig } from '@caravan/config';
import { FileSpanExporter } from './file-span-exporter';
import { redactUrls } from './http-spans';
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

describe('redactUrls', () => {
  const attributesOf = (request: object) => {
    const attributes: Record<string, unknown> = {};
    redactUrls(
      { setAttributes: (a: object) => Object.assign(attributes, a) } as unknown as Span,
      request as IncomingMessage | ClientRequest,
    );
    return attributes;
  };

  it('keeps a query’s secret-looking values out of a served request’s span, as the logs do', () => {
    const served = { url: '/auth/oidc/callback?code=SECRET1&state=xyz&lang=en', headers: { host: 'caravan.example' }, socket: {} };
    expect(attributesOf(served)).toEqual({
      'http.target': '/auth/oidc/callback?code=%5Bredacted%5D&state=xyz&lang=en',
      'http.url': 'http://caravan.example/auth/oidc/callback?code=%5Bredacted%5D&state=xyz&lang=en',
    });
  });

  it('and out of an outgoing request’s', () => {
    const sent = { path: '/token?client_secret=SECRET3', protocol: 'https:', host: 'idp.example' };
    expect(attributesOf(sent)).toEqual({
      'http.target': '/token?client_secret=%5Bredacted%5D',
      'http.url': 'https://idp.example/token?client_secret=%5Bredacted%5D',
    });
  });
});
