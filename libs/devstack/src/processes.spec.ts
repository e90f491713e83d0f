import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stopProcessGroup } from './processes';

/** A leader in a group of its own that starts a grandchild and prints its pid. */
async function leaderWithGrandchild(script: string) {
  const child = spawn('sh', ['-c', `${script} sleep 300 & echo $!; wait`], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const grandchild = await new Promise<number>((done) => child.stdout!.once('data', (chunk) => done(Number(String(chunk).trim()))));
  return { child, grandchild };
}

/** Running: a killed process whose new parent has not reaped it yet is a zombie (state Z), not running. */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('stopProcessGroup', () => {
  it('stops the leader and what it started, which SIGTERM to the leader alone leaves running', async () => {
    const { child, grandchild } = await leaderWithGrandchild('');
    expect(alive(grandchild)).toBe(true);
    await stopProcessGroup(child, 5_000);
    expect(child.signalCode ?? child.exitCode).not.toBeNull();
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
  });

  it('kills a leader that ignores SIGTERM once the grace period is over', async () => {
    const { child, grandchild } = await leaderWithGrandchild("trap '' TERM;");
    const started = Date.now();
    await stopProcessGroup(child, 300);
    expect(child.signalCode).toBe('SIGKILL');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
  });
});
