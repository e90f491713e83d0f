import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { AppConfig } from '@caravan/config';

const WORKER_MAIN = resolve(__dirname, '../../dist/apps/worker/src/main.js');

export interface WorkerProcess {
  pid: number;
  output: () => string;
  /** SIGKILL: no shutdown, no cleanup, as a crash or an OOM kill would do. */
  crash(): Promise<void>;
  /** SIGTERM: the worker drains; answers its exit code (null if a signal ended it). */
  stop(): Promise<number | null>;
}

// Killed when the test process exits, whatever state a failed test left them in.
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** True once this process polls the queue for both workflow and activity tasks. */
async function polling(client: Client, config: AppConfig, pid: number): Promise<boolean> {
  const { TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY } = temporal.api.enums.v1.TaskQueueType;
  const answers = await Promise.all(
    [TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY].map((taskQueueType) =>
      client.workflowService.describeTaskQueue({
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: { name: config.TEMPORAL_TASK_QUEUE },
        taskQueueType,
      }),
    ),
  );
  return answers.every((a) => (a.pollers ?? []).some((p) => p.identity?.startsWith(`${pid}@`)));
}

/**
 * The real worker app, built by `npm run build`, in a process of its own; ready when the
 * Temporal server sees it polling (whatever the log level says).
 */
export async function startWorkerProcess(config: AppConfig, client: Client): Promise<WorkerProcess> {
  const env = { ...process.env, ...(config as unknown as Record<string, string>), PORT: String(config.PORT) };
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', WORKER_MAIN], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));

  const deadline = Date.now() + 60_000;
  while (!(await polling(client, config, child.pid!))) {
    if (child.exitCode !== null) throw new Error(`worker exited with ${child.exitCode} before polling:\n${output}`);
    if (Date.now() > deadline) throw new Error(`worker did not poll within 60s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }

  const exited = once(child, 'exit');
  return {
    pid: child.pid!,
    output: () => output,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      return child.exitCode;
    },
  };
}
