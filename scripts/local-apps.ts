import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { freePort } from '@caravan/devstack';

// What `npm start` and `npm run start:cluster` share: ports, the token secret, the apps' processes.
export const say = (line: string) => console.log(`[caravan] ${line}`);

/** The port asked for when it is free, another free one otherwise. */
export async function portOr(preferred: number): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().once('error', () => freePort().then(done));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => done(preferred)));
  });
}

/** A built app (`dist/...`) in a process of its own, its output prefixed with its name. */
export function startApp(root: string, name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', resolve(root, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    String(chunk)
      .trimEnd()
      .split('\n')
      .map((l) => `[${name}] ${l}`)
      .join('\n');
  child.stdout!.on('data', (chunk) => console.log(prefix(chunk)));
  child.stderr!.on('data', (chunk) => console.error(prefix(chunk)));
  child.on('exit', (code, signal) => say(`${name} exited (${signal ?? code})`));
  return child;
}

/** A token secret of this checkout's own, kept in `dataDir` so that tokens survive a restart. */
export function localSecret(dataDir: string): string {
  const file = resolve(dataDir, 'auth-token-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

export async function waitForHealth(url: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not report healthy within ${timeoutMs / 1000}s`);
}
