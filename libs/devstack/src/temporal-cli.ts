import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { executable, onPath, run } from './processes';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export type TemporalCliSource = 'TEMPORAL_CLI' | 'PATH' | 'cache' | 'go install' | 'sdk download';

export interface TemporalCli {
  source: TemporalCliSource;
  /** Absent when the SDK is to download its own dev server. */
  path?: string;
}

/**
 * Finds the `temporal` CLI, in this order: $TEMPORAL_CLI; `temporal` on PATH; the copy cached
 * in `<root>/.tools`; `go install` into `<root>/.tools` when Go is present. When none works
 * the answer is 'sdk download': the Temporal SDK fetches its own dev server.
 */
export async function resolveTemporalCli(root: string, log: (line: string) => void = () => undefined): Promise<TemporalCli> {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`TEMPORAL_CLI=${fromEnv} is not an executable file`);
    return { source: 'TEMPORAL_CLI', path: fromEnv };
  }
  const onSystemPath = onPath('temporal');
  if (onSystemPath) return { source: 'PATH', path: onSystemPath };

  const tools = resolve(root, '.tools');
  const cached = join(tools, 'temporal');
  if (executable(cached)) return { source: 'cache', path: cached };

  const go = onPath('go');
  if (go) {
    log(`building the Temporal CLI: go install ${TEMPORAL_CLI_MODULE} (a few minutes the first time)`);
    const code = await run(go, ['install', TEMPORAL_CLI_MODULE], { ...process.env, GOBIN: tools }, log);
    if (code === 0 && existsSync(cached)) return { source: 'go install', path: cached };
    log(`go install failed (exit ${code}); falling back to the SDK's download`);
  }
  return { source: 'sdk download' };
}
