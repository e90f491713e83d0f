import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quitPostmaster } from './embedded-postgres';

/** A process named `argv0`, and a data folder whose postmaster.pid holds its pid. */
function pretending(argv0: string) {
  const child = spawn('bash', ['-c', `exec -a ${argv0} sleep 300`], { stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'postmaster-'));
  writeFileSync(join(dir, 'postmaster.pid'), `${child.pid}\n${dir}\n1700000000\n5432\n`);
  return { child, dir };
}

describe('quitPostmaster', () => {
  it('sends SIGQUIT to the postgres whose pid the data folder holds', async () => {
    const { child, dir } = pretending('postgres');
    await new Promise((r) => setTimeout(r, 200)); // past bash's exec
    quitPostmaster(dir);
    const [, signal] = await once(child, 'exit');
    expect(signal).toBe('SIGQUIT');
    rmSync(dir, { recursive: true });
  });

  it('leaves a process that is not a postgres alone (a stale file whose pid was reused)', async () => {
    const { child, dir } = pretending('sleep');
    await new Promise((r) => setTimeout(r, 200));
    quitPostmaster(dir);
    await new Promise((r) => setTimeout(r, 200));
    expect(child.exitCode ?? child.signalCode).toBeNull();
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true });
  });

  it('does nothing without a postmaster.pid', () => {
    expect(() => quitPostmaster(join(tmpdir(), 'no-such-postgres-data'))).not.toThrow();
  });
});
