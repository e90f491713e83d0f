import { readFileSync } from 'node:fs';
import { killRegistered, spawnGroup } from './process-groups';

const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** A group leader that starts a grandchild and prints its pid. */
async function leaderWithGrandchild() {
  const child = spawnGroup('sh', ['-c', 'sleep 300 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const grandchild = await new Promise<number>((done) => child.stdout!.once('data', (chunk) => done(Number(String(chunk).trim()))));
  return { child, grandchild };
}

describe('spawnGroup', () => {
  it('kills the group and what it started from the exit hook it installs', async () => {
    const { child, grandchild } = await leaderWithGrandchild();
    expect(process.listeners('exit')).toContain(killRegistered);
    killRegistered();
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(child.pid!)).toBe(false);
    expect(alive(grandchild)).toBe(false);
  });
});
