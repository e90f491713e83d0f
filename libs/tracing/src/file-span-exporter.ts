import { appendFileSync } from 'node:fs';
import { SpanKind } from '@opentelemetry/api';
import { ExportResult, ExportResultCode, hrTimeToMilliseconds } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/** One line of a trace file. */
export interface SpanLine {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  service: string;
  startMs: number;
  durationMs: number;
  status: number;
  attributes: Record<string, unknown>;
}

export function spanLine(span: ReadableSpan): SpanLine {
  const { traceId, spanId } = span.spanContext();
  return {
    traceId,
    spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: SpanKind[span.kind],
    service: String(span.resource.attributes['service.name']),
    startMs: hrTimeToMilliseconds(span.startTime),
    durationMs: hrTimeToMilliseconds(span.duration),
    status: span.status.code,
    attributes: { ...span.attributes },
  };
}

/**
 * Spans appended to a file, one JSON object a line, for tests and a quick look without a
 * collector: OpenTelemetry's JavaScript SDK has no file exporter. A synchronous append per
 * export (a test and debugging aid, not for a production load); give each process its own file.
 */
export class FileSpanExporter implements SpanExporter {
  constructor(private readonly path: string) {}

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    try {
      appendFileSync(this.path, spans.map((span) => `${JSON.stringify(spanLine(span))}\n`).join(''));
      done({ code: ExportResultCode.SUCCESS });
    } catch (error) {
      done({ code: ExportResultCode.FAILED, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  async shutdown(): Promise<void> {}
}
