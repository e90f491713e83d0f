import { ChildProcess, spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { stopProcess } from './processes';
import type { TemporalCli } from './temporal-cli';

export interface LocalTemporal {
  address: string;
  /** The Web UI, when started with one. */
  uiUrl?: string;
  /** The server's process id, when we spawned it ourselves. */
  pid?: number;
  stop(): Promise<void>;
}

export interface LocalTemporalOptions {
  cli: TemporalCli;
  /** SQLite file: workflows survive a restart of the server. */
  dbFile: string;
  port: number;
  /** Starts the Web UI on this port; headless without it. */
  uiPort?: number;
  /** Where the SDK caches its download, for the 'sdk download' fallback. */
  downloadDir: string;
  log?: (line: string) => void;
}

/** Starts `temporal server start-dev` on the loopback and waits until its frontend answers. */
export async function startLocalTemporal(options: LocalTemporalOptions): Promise<LocalTemporal> {
  const address = `127.0.0.1:${options.port}`;
  const uiUrl = options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined;
  if (!options.cli.path) return startWithSdkDownload(options, address, uiUrl);

  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--db-filename',
    options.dbFile,
    '--log-level',
    'warn',
  ];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  const child = spawn(options.cli.path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => options.log?.(String(chunk).trimEnd()));
  child.stderr!.on('data', (chunk) => options.log?.(String(chunk).trimEnd()));
  try {
    await waitUntilServing(address, child);
  } catch (e) {
    child.kill('SIGKILL');
    throw e;
  }
  return { address, uiUrl, pid: child.pid, stop: () => stopProcess(child) };
}

async function startWithSdkDownload(options: LocalTemporalOptions, address: string, uiUrl?: string): Promise<LocalTemporal> {
  // Loaded only here: @temporalio/testing is a development dependency.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  try {
    const env = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'cached-download', downloadDir: options.downloadDir },
        ip: '127.0.0.1',
        port: options.port,
        dbFilename: options.dbFile,
        ui: options.uiPort !== undefined,
        uiPort: options.uiPort,
        extraArgs: ['--log-level', 'warn'],
      },
    });
    return { address, uiUrl, stop: () => env.teardown() };
  } catch (e) {
    throw new Error(
      'No Temporal CLI could be found or built, and the SDK could not download one: ' +
        `${(e as Error).message}. Install it (https://docs.temporal.io/cli) and set TEMPORAL_CLI, ` +
        'put `temporal` on PATH, or install Go so that it can be built.',
      { cause: e },
    );
  }
}

/** Until the frontend on `address` answers; fails at once when `child` (`what`) exits first. */
export async function waitUntilServing(
  address: string,
  child: ChildProcess,
  what = 'temporal server start-dev',
  timeoutMs = 60_000,
): Promise<void> {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal did not answer on ${address} within ${timeoutMs / 1000}s`);
}
