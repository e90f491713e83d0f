import type { WorkflowClientInterceptor } from '@temporalio/client';
import type { WorkerTracing } from './temporal-interceptors';
import { activeTracing } from './tracing';

/** The client's half: a StartWorkflow (update, signal …) span whose context travels in the workflow's headers. */
export function temporalClientInterceptors(): WorkflowClientInterceptor[] {
  return activeTracing()?.temporal.client() ?? [];
}

/**
 * The worker's half: activity spans under the workflow's, and the `exporter` sink through which
 * the bundled workflow interceptors hand their spans out of the sandbox. With tracing off the
 * sink stays, dropping what a run a traced API started would send.
 */
export function temporalWorkerTracing(): WorkerTracing {
  return activeTracing()?.temporal.worker() ?? { sinks: { exporter: { export: { fn: () => undefined } } } };
}
