import { DataSource, MixedList } from 'typeorm';
import { dataSourceOptions, MigrationClass } from './database.module';

// Any fixed 64-bit key: two migration runs (two deployments starting) go one at a time.
const MIGRATION_LOCK_KEY = 7_346_112_905;

/** Runs pending migrations under a PostgreSQL advisory lock, so concurrent runs don't race. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

/** Brings the schema at `ownerUrl` up to date, connected as the role that owns the tables. */
export async function migrateDatabase(ownerUrl: string, migrations: MixedList<MigrationClass>): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(ownerUrl, migrations)).initialize();
  try {
    return await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
