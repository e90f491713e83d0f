import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';

export type WorkerTracing = Pick<WorkerOptions, 'interceptors' | 'sinks'>;

/** Temporal's OpenTelemetry interceptors, once the SDK runs (loaded with it). */
export function temporalInterceptors(processor: SpanProcessor, resource: Resource) {
  return {
    client: (): WorkflowClientInterceptor[] => [new OpenTelemetryWorkflowClientInterceptor()],
    worker: (): WorkerTracing => ({
      interceptors: {
        activity: [
          (ctx) => ({
            inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
            outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
          }),
        ],
      },
      sinks: { exporter: makeWorkflowExporter(processor, resource) },
    }),
  };
}
