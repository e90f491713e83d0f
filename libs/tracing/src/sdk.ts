import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, SimpleSpanProcessor, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TracingConfig } from '@caravan/config';
import { FileSpanExporter } from './file-span-exporter';
import { privateSpans } from './span-privacy';
import { temporalInterceptors } from './temporal-interceptors';

/** The running SDK: Temporal's interceptors wired to it, and its shutdown. */
export interface ActiveTracing {
  temporal: ReturnType<typeof temporalInterceptors>;
  /** Sends what is still batched and stops. */
  shutdown(): Promise<void>;
}

// Probes and scrapes would be most of the spans and tell nothing.
const UNTRACED_PATHS = /^\/(health|metrics)\b/;

function processorsFor(config: TracingConfig): SpanProcessor[] {
  const processors: SpanProcessor[] = [];
  // the exporter reads the OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout) itself
  if (config.OTEL_EXPORTER_OTLP_ENDPOINT || config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
  // each span written as it ends: nothing lost when the process exits without a shutdown
  if (config.TRACE_FILE) processors.push(new SimpleSpanProcessor(new FileSpanExporter(config.TRACE_FILE)));
  return processors;
}

/** The SDK with the HTTP server/client and pg instrumentations; a process that ends by itself flushes its spans. */
export function startSdk(config: TracingConfig, serviceName: string): ActiveTracing {
  // one processor for the SDK's spans and the workflow spans the worker receives from its sandbox
  const processor = privateSpans(processorsFor(config));
  const resource = new Resource({ 'service.name': config.OTEL_SERVICE_NAME ?? serviceName });
  const sdk = new NodeSDK({
    resource,
    spanProcessors: [processor],
    logRecordProcessors: [], // logs stay pino's
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.test(request.url ?? '') }),
      // statements without their values; a query outside any trace (pool upkeep) is not a trace of its own
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  const shutdown = () => sdk.shutdown();
  process.once('beforeExit', () => void shutdown());
  return { temporal: temporalInterceptors(processor, resource), shutdown };
}
