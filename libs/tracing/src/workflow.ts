// The workflow half of tracing, bundled with the workflows as an interceptor module
// (scripts/bundle-workflows.ts): deterministic code only.
import type * as OtelModule from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type {
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptorsFactory,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

interface Otel {
  inbound: OtelModule.OpenTelemetryInboundInterceptor;
  outbound: OtelModule.OpenTelemetryOutboundInterceptor;
  internals: OtelModule.OpenTelemetryInternalsInterceptor;
}

/** The header Temporal's interceptors carry a trace in (their `TRACE_HEADER`; workflow.spec.ts holds the two equal). */
export const TRACE_HEADER = '_tracer-data';

/**
 * Temporal's interceptors, loaded by a traced run only. Each run evaluates the modules it loads
 * in its own sandbox, and OpenTelemetry's are a third of a cached run's memory and of what every
 * new or replayed run allocates (the worker's memory benchmark): an untraced run loads none.
 */
function loadOtel(): Otel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated on first use, inside the run's sandbox
  const otel = require('@temporalio/interceptors-opentelemetry/lib/workflow') as typeof OtelModule;
  return {
    inbound: new otel.OpenTelemetryInboundInterceptor(),
    outbound: new otel.OpenTelemetryOutboundInterceptor(),
    internals: new otel.OpenTelemetryInternalsInterceptor(),
  };
}

/**
 * Temporal's OpenTelemetry interceptors, for a run started inside a trace only. Whether it was
 * is read from the run's start headers, which its history keeps, so a replay decides the same;
 * a run started untraced (tracing off, a schedule) makes no span and calls no sink. The
 * interceptors themselves add no command and no event: they only add a header to what the run
 * schedules, which replay does not compare.
 */
export const interceptors: WorkflowInterceptorsFactory = () => {
  let otel: Otel | undefined;
  const inbound: WorkflowInboundCallsInterceptor = {
    execute: (input, next) => {
      if (input.headers[TRACE_HEADER] !== undefined) otel = loadOtel();
      return otel ? otel.inbound.execute(input, next) : next(input);
    },
    handleSignal: (input, next) => (otel ? otel.inbound.handleSignal(input, next) : next(input)),
    handleUpdate: (input, next) => (otel ? otel.inbound.handleUpdate(input, next) : next(input)),
    validateUpdate: (input, next) => (otel ? otel.inbound.validateUpdate(input, next) : next(input)),
    handleQuery: (input, next) => (otel ? otel.inbound.handleQuery(input, next) : next(input)),
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (otel ? otel.outbound.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (otel ? otel.outbound.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) => (otel ? otel.outbound.startChildWorkflowExecution(input, next) : next(input)),
    continueAsNew: (input, next) => (otel ? otel.outbound.continueAsNew(input, next) : next(input)),
    signalWorkflow: (input, next) => (otel ? otel.outbound.signalWorkflow(input, next) : next(input)),
    getLogAttributes: (input, next) => (otel ? otel.outbound.getLogAttributes(input, next) : next(input)),
  };
  const internals: WorkflowInternalsInterceptor = {
    dispose: (input, next) => (otel ? otel.internals.dispose(input, next) : next(input)),
  };
  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
