import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { stopProcessGroup } from '@caravan/devstack';

/**
 * Processes a test starts, each leading a process group of its own (so that what it starts in
 * turn, PostgreSQL under its helper, goes with it), killed whole when the test process ends
 * however it ends: a passed run, a failed one, a timeout whose test body is still restarting
 * servers after afterAll, Jest's forceExit, or SIGTERM from a CI runner.
 */
const live = new Map<number, 'group' | 'process'>();

function killAll(): void {
  for (const [pid, kind] of live) {
    try {
      process.kill(kind === 'group' ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}
process.once('exit', killAll);
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
  process.once(signal, () => {
    killAll();
    process.exit(1);
  });

/** `spawn` in a new process group, killed with everything in it when this process ends. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) live.set(child.pid, 'group');
  return child;
}

/** A process someone else spawned (a Temporal dev server), killed when this process ends unless forgotten (stopped) before. */
export function reap(pid: number | undefined): { forget(): void } {
  if (pid && !live.has(pid)) live.set(pid, 'process');
  return { forget: () => pid && live.get(pid) === 'process' && live.delete(pid) };
}

/** Stops the group (see stopProcessGroup) and forgets it. */
export async function stopGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  await stopProcessGroup(child, graceMs);
  if (child.pid) live.delete(child.pid);
}
