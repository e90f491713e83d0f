import type { Client } from 'pg';
import { APP_ROLE } from '@caravan/database';

/**
 * The roles of a local cluster, as a production database has them: the owner of the tables,
 * who migrates, and the role the apps connect as, which holds only what migrations grant it.
 * Local clusters listen on the loopback only, so their passwords are no secret.
 */
export const LOCAL_ROLES = {
  owner: { name: 'caravan_owner', password: 'caravan-owner' },
  app: { name: APP_ROLE, password: 'caravan-app' },
} as const;

/** Creates both roles unless they exist; never superuser, never past row-level security. */
export async function ensureRoles(superuser: Client): Promise<void> {
  for (const { name, password } of Object.values(LOCAL_ROLES)) {
    const { rowCount } = await superuser.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
    if (rowCount === 0) await superuser.query(`CREATE ROLE ${name} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD '${password}'`);
  }
}

/**
 * Gives a database made before the roles existed (all of it the superuser's) to the owner
 * role: the database, then its tables, views and functions, then sequences no table owns.
 */
export async function adoptDatabase(superuserOfDatabase: Client, database: string): Promise<void> {
  const owner = LOCAL_ROLES.owner.name;
  await superuserOfDatabase.query(`ALTER DATABASE "${database.replace(/"/g, '""')}" OWNER TO ${owner}`);
  await superuserOfDatabase.query(`
    DO $$ DECLARE r record; BEGIN
      FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND pg_get_userbyid(c.relowner) <> '${owner}' LOOP
        EXECUTE format('ALTER %s %s OWNER TO ${owner}', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
      END LOOP;
      FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> '${owner}' LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO ${owner}', r.name);
      END LOOP;
      FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '${owner}' LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO ${owner}', r.name);
      END LOOP;
    END $$`);
}
