import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';
import { stopProcessGroup } from './processes';

/**
 * Processes started here, each leading a process group of its own (so that what it starts in
 * turn, PostgreSQL under its helper, goes with it), killed whole when this process ends however
 * it ends: a normal end, a failed test, a timeout whose body is still restarting servers after
 * afterAll, Jest's forceExit, a bench that threw, or SIGTERM/SIGINT from a CI runner or Ctrl-C.
 */
const live = new Map<number, 'group' | 'process'>();

/** SIGKILLs every group and process still registered (what the exit and signal hooks do). */
export function killRegistered(): void {
  for (const [pid, kind] of live) {
    try {
      process.kill(kind === 'group' ? -pid : pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

let hooked = false;
/** The hooks go in with the first registration: loading the library alone changes no signal's handling. */
function hook(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', killRegistered);
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
    process.once(signal, () => {
      killRegistered();
      process.exit(1);
    });
}

/** `spawn` in a new process group, killed with everything in it when this process ends. */
export function spawnGroup(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid) {
    hook();
    live.set(child.pid, 'group');
  }
  return child;
}

/** A process someone else spawned (a Temporal dev server), killed when this process ends unless forgotten (stopped) before. */
export function reap(pid: number | undefined): { forget(): void } {
  if (pid && !live.has(pid)) {
    hook();
    live.set(pid, 'process');
  }
  return { forget: () => pid && live.get(pid) === 'process' && live.delete(pid) };
}

/** Stops the group (see stopProcessGroup) and forgets it. */
export async function stopGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  await stopProcessGroup(child, graceMs);
  if (child.pid) live.delete(child.pid);
}
