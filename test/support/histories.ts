import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * With RECORD_HISTORIES=1 (`npm run record-histories`), saves a finished workflow's history
 * for the replay tests; otherwise does nothing.
 */
export async function recordHistory(client: Client, workflowId: string, name: string): Promise<void> {
  if (!process.env.RECORD_HISTORIES) return;
  const handle = client.workflow.getHandle(workflowId);
  await handle.result().catch(() => undefined);
  await writeFile(resolve(__dirname, '../replay/histories', `${name}.json`), historyToJSON(await handle.fetchHistory()));
}
