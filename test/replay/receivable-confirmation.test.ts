import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

// Histories recorded from real runs (`npm run record-histories`); replaying them against
// today's workflow code fails on any change that would break the running workflows.
const histories = resolve(__dirname, 'histories');
const bundle = resolve(__dirname, '../../dist/workflow-bundle.js');

describe('receivable confirmation workflow replays its recorded histories', () => {
  beforeAll(() => Runtime.install({ logger: new DefaultLogger('WARN') }));

  const files = readdirSync(histories).filter((f) => f.startsWith('receivable-confirmation'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s', async (file) => {
    const history = JSON.parse(readFileSync(resolve(histories, file), 'utf8'));
    await Worker.runReplayHistory({ workflowBundle: { codePath: bundle } }, history, file);
  });
});
