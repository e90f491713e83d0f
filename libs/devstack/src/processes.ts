import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(executable);
}

/** Runs a command to its end, its output line by line to `log`; the exit code (-1 when it could not start). */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => log(String(chunk).trimEnd()));
    child.stderr.on('data', (chunk) => log(String(chunk).trimEnd()));
    child.on('error', () => done(-1));
    child.on('close', (code) => done(code ?? -1));
  });
}

export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The program's path on PATH, or an error saying how to install it. */
export function onPathOrThrow(name: string, howToInstall: string): string {
  const found = onPath(name) ?? [`/usr/sbin/${name}`, `/usr/local/sbin/${name}`].find(executable);
  if (!found) throw new Error(howToInstall);
  return found;
}

/**
 * Stops a child started with `detached: true` and all it started: SIGTERM to it alone (it stops
 * what it started in order), then SIGKILL to its whole process group, after `graceMs` if it
 * has not exited by then, and in any case once it has (nothing it started outlives it).
 */
export async function stopProcessGroup(child: ChildProcess, graceMs = 15_000): Promise<void> {
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // nothing left in it
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(killGroup, graceMs);
    await exited;
    clearTimeout(timer);
  }
  if (child.pid) killGroup();
}
