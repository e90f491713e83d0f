import type { EntityManager } from 'typeorm';

/**
 * This build's migrations the database has not applied, named, in one query on a pooled
 * connection (TypeORM's showMigrations holds a query runner it releases only on success).
 */
export async function pendingMigrations(em: EntityManager): Promise<string[]> {
  const { migrations, options, driver } = em.connection;
  // TypeORM names a migration by its `name`, else its class's
  const expected = migrations.map((m) => m.name ?? m.constructor.name);
  const table = driver.escape(options.migrationsTableName ?? 'migrations');
  const rows: { name: string }[] = await em.query(
    `SELECT expected.name FROM unnest($1::text[]) AS expected(name)
      WHERE NOT EXISTS (SELECT 1 FROM ${table} applied WHERE applied.name = expected.name)`,
    [expected],
  );
  return rows.map((r) => r.name);
}
