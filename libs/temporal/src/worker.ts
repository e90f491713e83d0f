import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { AppConfig } from '@caravan/config';
import { temporalWorkerTracing } from '@caravan/tracing';
import { temporalConnectionOptions } from './connection-options';

/** A worker on the configured task queue running the prebuilt workflow bundle. */
export async function createTemporalWorker(
  config: AppConfig,
  activities: Record<string, (...args: never[]) => Promise<unknown>>,
  workflowBundlePath: string,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  if (!existsSync(workflowBundlePath)) {
    throw new Error(`workflow bundle ${workflowBundlePath} is missing: run \`npm run build\` first`);
  }
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  boundWorkflowHeap(config.TEMPORAL_WORKFLOW_HEAP_MIB);
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowBundle: { codePath: workflowBundlePath },
    activities,
    // on SIGTERM running activities may finish (a saga step mid-call) before they are cancelled
    shutdownGraceTime: `${config.SHUTDOWN_GRACE_SECONDS}s`,
    // Loans sleep for months: a bounded cache keeps the worker's memory flat however many are
    // open; one evicted is replayed from its history when its timer fires.
    maxCachedWorkflows: config.TEMPORAL_MAX_CACHED_WORKFLOWS,
    ...temporalWorkerTracing(),
  });
  return { worker, connection };
}

/**
 * Bounds the heap of the workflow thread `Worker.create` starts next (the SDK passes it no
 * resource limits). V8 reads the flag when it creates an isolate, so it reaches that thread;
 * this process's own heap, created already, keeps its limit.
 */
export function boundWorkflowHeap(mib: number): void {
  setFlagsFromString(`--max-old-space-size=${mib}`);
}
