import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

// Histories recorded from real runs (`npm run record-histories`), replayed against today's
// workflow bundle: a change that would break workflows already running fails here.
const histories = resolve(__dirname, 'histories');
const bundle = resolve(__dirname, '../../dist/workflow-bundle.js');
const files = readdirSync(histories).filter((f) => f.endsWith('.json'));

describe('workflows replay their recorded histories', () => {
  beforeAll(() => Runtime.install({ logger: new DefaultLogger('WARN') }));

  it.each(['receivable-confirmation-', 'financing-'])('has histories of %s', (prefix) => {
    expect(files.filter((f) => f.startsWith(prefix)).length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s', async (file) => {
    const history = JSON.parse(readFileSync(resolve(histories, file), 'utf8'));
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundle } }, history, file);
  });
});
