import type { DataSource } from 'typeorm';

/**
 * The role the apps connect as, or that their login role is a member of. Migrations grant it
 * what each table needs and no more; the owner role that runs them keeps the rest.
 */
export const APP_ROLE = 'caravan_app';

/** A database the apps must not run on as it is: trying again will not change that. */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

const HOW = `connect the apps as ${APP_ROLE} (or a member of it) and run migrations as the tables' owner: npm run migrate with DATABASE_MIGRATION_URL`;

/**
 * Refuses a connection that could switch the database's guarantees off: a superuser or a role
 * with BYPASSRLS passes row-level security and can set session_replication_role; an owner of
 * the tables can disable their triggers.
 */
export async function assertLeastPrivilege(dataSource: DataSource): Promise<void> {
  const [me] = await dataSource.query(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
            CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) THEN pg_has_role(current_user, $1, 'MEMBER') ELSE false END AS member,
            (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'MEMBER')) AS owned
       FROM pg_roles r WHERE r.rolname = current_user`,
    [APP_ROLE],
  );
  const problems = [
    me.superuser && 'is a superuser',
    me.bypassrls && 'bypasses row-level security',
    me.owned > 0 && `owns ${me.owned} tables (and could disable their triggers)`,
    !me.member && `is not ${APP_ROLE} nor a member of it`,
  ].filter(Boolean);
  if (problems.length > 0) throw new DatabaseSetupError(`DATABASE_URL connects as "${me.name}", which ${problems.join(', ')}: ${HOW}`);
}

/** Refuses to run on a schema older than this build: the owner migrates, not the apps. */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  if (await dataSource.showMigrations())
    throw new DatabaseSetupError(`the database schema is behind this build (migrations are pending): ${HOW}`);
}
