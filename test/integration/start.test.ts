import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The README's `npm start`, past its install and build steps (`node dist/scripts/dev.js`), from
 * a checkout in a private folder (mode 0700, as a home folder is) whose path has spaces: as
 * whoever runs the tests, and when that is root, also as an ordinary user (nobody).
 */
const root = resolve(__dirname, '../..');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

interface Start {
  child: ChildProcess;
  output: () => string;
}

/** The checkout's installed and built parts, hard-linked (copied across file systems). */
async function checkout(owner?: number): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'caravan home '));
  const dir = join(home, 'my projects', 'caravan');
  await mkdir(dir, { recursive: true });
  await mkdir(join(dir, '.tools'));
  for (const part of ['node_modules', 'dist', 'package.json', '.tools/temporal']) {
    if (!existsSync(join(root, part))) throw new Error(`${part} missing: run npm run build and npm run temporal-cli first`);
    try {
      execFileSync('cp', ['-al', join(root, part), join(dir, part)]);
    } catch {
      execFileSync('cp', ['-a', join(root, part), join(dir, part)]);
    }
  }
  if (owner !== undefined) {
    for (const folder of [home, join(home, 'my projects'), dir]) await chown(folder, owner, owner);
  }
  await chmod(home, 0o700);
  return dir;
}

function start(dir: string, uid?: number): Start {
  let output = '';
  const child = spawn(process.execPath, ['dist/scripts/dev.js'], {
    cwd: dir,
    detached: true, // its own process group, so a failed test can take everything down
    env: { PATH: process.env.PATH, HOME: resolve(dir, '../..'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function ready(run: Start, timeoutMs = 240_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const portal = /\[caravan\] Portal +(http:\/\/\S+)\/portal\//.exec(run.output());
    if (portal) return portal[1];
    if (run.child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Ctrl-C, as a person stops it: everything it started must be gone afterwards. */
async function stop(run: Start): Promise<void> {
  if (run.child.exitCode !== null) return;
  const exited = once(run.child, 'exit');
  process.kill(run.child.pid!, 'SIGINT');
  const timer = setTimeout(() => process.kill(-run.child.pid!, 'SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

async function signIn(baseUrl: string): Promise<number> {
  const response = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'applicant@hami-logistics.example', password: 'caravan-demo-2026' }),
  });
  return response.status;
}

async function startTwice(dir: string, uid?: number): Promise<string[]> {
  const outputs: string[] = [];
  for (let i = 0; i < 2; i++) {
    const run = start(dir, uid);
    try {
      expect(await signIn(await ready(run))).toBe(200);
    } finally {
      await stop(run);
      outputs.push(run.output());
    }
    expect(existsSync(join(dir, '.data/postgres/postmaster.pid'))).toBe(false); // PostgreSQL shut down
  }
  return outputs;
}

const folders: string[] = [];
afterAll(async () => {
  for (const dir of folders) {
    const data = join(dir, '.data/postgres');
    if (existsSync(data) && lstatSync(data).isSymbolicLink()) await rm(readlinkSync(data), { recursive: true, force: true });
    await rm(resolve(dir, '../..'), { recursive: true, force: true });
  }
});

it('starts from a private folder with spaces in its path, seeds once, and stops whole', async () => {
  const dir = await checkout();
  folders.push(dir);
  const [first, second] = await startTwice(dir);
  expect(first).toContain('demo data seeded');
  expect(second).toContain('demo data already present'); // the data survived the restart
  if (isRoot) {
    expect(first).toContain('the postgres user cannot enter');
    expect(readlinkSync(join(dir, '.data/postgres'))).toMatch(/^\/var\/lib\/caravan\/clusters\//);
  }
  expect(first + second).not.toMatch(/EACCES|Unhandled| {4}at /);
}, 600_000);

(isRoot ? it : it.skip)(
  'starts as an ordinary user in a private home folder',
  async () => {
    const dir = await checkout(NOBODY);
    folders.push(dir);
    const [first] = await startTwice(dir, NOBODY);
    expect(first).toContain('demo data seeded');
    expect(first).not.toContain('cannot enter');
    expect(lstatSync(join(dir, '.data/postgres')).isDirectory()).toBe(true);
  },
  600_000,
);
