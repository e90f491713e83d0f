import 'reflect-metadata';
import { loadMigrationConfig } from '@caravan/config';
import { migrateDatabase } from '@caravan/database';
import { MIGRATIONS } from '../../common/migrations';

// `npm run migrate`: brings the schema up to date as the role that owns the tables. The API
// and the worker connect as a role that cannot, and refuse to start on an older schema.
async function main(): Promise<void> {
  const { DATABASE_MIGRATION_URL } = loadMigrationConfig();
  const applied = await migrateDatabase(DATABASE_MIGRATION_URL, MIGRATIONS);
  console.log(JSON.stringify({ msg: applied.length > 0 ? 'migrations applied' : 'schema up to date', applied }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
