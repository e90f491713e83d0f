import { rm } from 'node:fs/promises';
import type { LocalPostgres, LocalTemporal } from '@caravan/devstack';

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as Record<string, unknown>).__caravanStack as
    { postgres: LocalPostgres; temporal: LocalTemporal; runDir: string } | undefined;
  if (!stack) return;
  await Promise.allSettled([stack.temporal.stop(), stack.postgres.stop()]);
  await rm(stack.runDir, { recursive: true, force: true });
}
