import { ChildProcess, spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { join, resolve } from 'node:path';
import { executable, onPath, run, stopProcess } from './processes';
import { waitUntilServing } from './temporal-dev-server';

/** The Temporal server (not the dev server) and its schema tool, built from the same module. */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULES = ['go.temporal.io/server/cmd/server', 'go.temporal.io/server/cmd/tools/sql'].map((m) => `${m}@${TEMPORAL_SERVER_VERSION}`);

export interface TemporalServerTools {
  /** `temporal-server` (go install names it after its folder). */
  server: string;
  /** `temporal-sql-tool`: creates and upgrades the schema. */
  sql: string;
}

/** The binaries cached in `<root>/.tools/temporal-server-<version>/`, built with `go install` on first use. */
export async function resolveTemporalServer(root: string, log: (line: string) => void = () => undefined): Promise<TemporalServerTools> {
  const dir = resolve(root, '.tools', `temporal-server-${TEMPORAL_SERVER_VERSION}`);
  const tools = { server: join(dir, 'server'), sql: join(dir, 'sql') };
  if (executable(tools.server) && executable(tools.sql)) return tools;
  const go = onPath('go');
  if (!go)
    throw new Error(
      `The Temporal server is built from source with Go, and no \`go\` is on PATH. Install Go (https://go.dev/dl/, 1.24 or later) ` +
        `and run this again, or put temporal-server and temporal-sql-tool ${TEMPORAL_SERVER_VERSION} at ${tools.server} and ${tools.sql}.`,
    );
  log(`building the Temporal server: go install ${MODULES.join(' ')} (several minutes the first time)`);
  const code = await run(go, ['install', ...MODULES], { ...process.env, GOBIN: dir }, log);
  if (code !== 0 || !executable(tools.server) || !executable(tools.sql))
    throw new Error(`go install of the Temporal server failed (exit ${code}): see the lines above`);
  return tools;
}

export interface TemporalDatabase {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Workflow state, and visibility (lists and searches). */
  databases: { default: string; visibility: string };
}

/**
 * Temporal's two databases and the role owning them, through a superuser connection (the sql
 * tool's create-database does not create them on embedded PostgreSQL); then their schema,
 * created or brought up to this version by the sql tool from the schemas it embeds.
 */
export async function prepareTemporalDatabases(superuserUrl: string, db: TemporalDatabase, sqlTool: string, log: (line: string) => void) {
  const admin = new PgClient({ connectionString: superuserUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [db.user]);
    if (rowCount === 0) await admin.query(`CREATE ROLE "${db.user}" LOGIN PASSWORD '${db.password.replace(/'/g, "''")}'`);
    for (const name of Object.values(db.databases)) {
      const { rowCount: exists } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists === 0) await admin.query(`CREATE DATABASE "${name}" OWNER "${db.user}"`);
    }
  } finally {
    await admin.end();
  }
  const schemas = { [db.databases.default]: 'postgresql/v12/temporal', [db.databases.visibility]: 'postgresql/v12/visibility' };
  for (const [name, schema] of Object.entries(schemas)) {
    const base = ['--plugin', 'postgres12', '--ep', db.host, '-p', String(db.port), '-u', db.user, '--pw', db.password, '--db', name];
    for (const step of [
      ['setup-schema', '-v', '0.0'],
      ['update-schema', '--schema-name', schema],
    ]) {
      const output: string[] = [];
      const code = await run(sqlTool, [...base, ...step], process.env, (line) => output.push(line));
      if (code !== 0) throw new Error(`temporal-sql-tool ${step[0]} on ${name} failed (exit ${code}):\n${output.join('\n')}`);
    }
  }
  log(`Temporal schema up to date in ${Object.keys(schemas).join(' and ')}`);
}

export interface TemporalServerOptions {
  tools: TemporalServerTools;
  /** The folder holding `<env>.yaml` (scripts/cluster/temporal). */
  configDir: string;
  env: string;
  /** TEMPORAL_* variables the config reads (database, ports). */
  settings: Record<string, string>;
  /** The frontend's address, to wait for. */
  address: string;
  log?: (line: string) => void;
  /** Told of the server's process as soon as it is spawned, before it serves (a caller stopped meanwhile can kill it). */
  onSpawn?: (child: ChildProcess) => void;
}

export interface TemporalServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the server and waits until its frontend answers. */
export async function startTemporalServer(options: TemporalServerOptions): Promise<TemporalServer> {
  // the server reads <root>/<config>/<env>.yaml; its clients are authenticated by the network
  // (the loopback here, mutual TLS in docker-compose.yml), not by an authorizer
  const args = ['--root', options.configDir, '--config', '.', '--env', options.env, '--allow-no-auth', 'start'];
  const child = spawn(options.tools.server, args, {
    env: { ...process.env, ...options.settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  const lines: string[] = [];
  const logged = (chunk: Buffer) => {
    lines.push(...String(chunk).trimEnd().split('\n'));
    lines.splice(0, lines.length - 20);
    options.log?.(String(chunk).trimEnd());
  };
  child.stdout!.on('data', logged);
  child.stderr!.on('data', logged);
  try {
    await waitUntilServing(options.address, child, 'temporal-server', 90_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${lines.join('\n')}`, { cause: e });
  }
  return { address: options.address, process: child, stop: () => stopProcess(child) };
}

/** Registers the namespace unless it exists (a real server starts with none, unlike the dev server). */
export async function ensureNamespace(address: string, namespace: string, retentionDays = 7): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    await connection.workflowService.describeNamespace({ namespace });
  } catch {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`) });
  } finally {
    await connection.close();
  }
}
