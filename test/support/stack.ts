import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { MIGRATIONS } from '../../apps/common/migrations';
import { AppConfig, loadConfig } from '@caravan/config';
import { migrateDatabase } from '@caravan/database';
import { LOCAL_ROLES } from '@caravan/devstack';
import { DEMO_ADMIN } from '../../scripts/demo-data';
import { STACK_ENV } from './stack-env';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest, whose global setup starts the stack`);
  return value;
}

const ownerUrls = new Map<string, string>();

/** The test database's URL as the role that owns its tables (migrations, and the tests' own checks). */
export function ownerUrlOf(config: AppConfig): string {
  const url = ownerUrls.get(config.DATABASE_URL);
  if (!url) throw new Error('not a database isolatedConfig made');
  return url;
}

const as = (url: string, role: { name: string; password: string }) => url.replace(/\/\/[^@]+@/, `//${role.name}:${role.password}@`);

/**
 * A config of its own for one test file: a fresh database in the run's PostgreSQL, migrated
 * by its owner role, which the apps reach as the least-privileged role; and a Temporal
 * namespace of its own, so files can run side by side, business keys never meet, and a
 * killed worker stays alone.
 */
export async function isolatedConfig(label: string): Promise<AppConfig> {
  const suffix = `${label.replace(/\W+/g, '_')}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const adminUrl = required(STACK_ENV.adminDatabaseUrl);
  const admin = new PgClient({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "t_${suffix}" OWNER ${LOCAL_ROLES.owner.name}`);
  } finally {
    await admin.end();
  }
  const namespace = `t-${suffix.replace(/_/g, '-')}`;
  const connection = await Connection.connect({ address: required(STACK_ENV.temporalAddress) });
  try {
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
  } finally {
    await connection.close();
  }
  const databaseUrl = adminUrl.replace(/\/postgres$/, `/t_${suffix}`);
  await migrateDatabase(as(databaseUrl, LOCAL_ROLES.owner), MIGRATIONS);
  const config = loadConfig({
    DATABASE_URL: as(databaseUrl, LOCAL_ROLES.app),
    TEMPORAL_ADDRESS: required(STACK_ENV.temporalAddress),
    TEMPORAL_NAMESPACE: namespace,
    TEMPORAL_TASK_QUEUE: `test-${suffix}`,
    LOG_LEVEL: process.env.CARAVAN_TEST_VERBOSE ? 'info' : 'warn',
    // the tests date their statement lines in UTC; the report's ledger day must agree
    BUSINESS_TIMEZONE: 'UTC',
    // approvers and treasury sign in with a one-time code in production; the tests of it ask for it
    AUTH_SECOND_FACTOR_ROLES: 'NONE',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
  });
  ownerUrls.set(config.DATABASE_URL, as(databaseUrl, LOCAL_ROLES.owner));
  return config;
}

/** Polls until `check` returns something other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
