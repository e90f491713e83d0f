import type { DataSource } from 'typeorm';

// Any fixed 64-bit key: the API and the worker both migrate at boot, one at a time.
const MIGRATION_LOCK_KEY = 7_346_112_905;

/** Runs pending migrations under a PostgreSQL advisory lock, so concurrent boots don't race. */
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
