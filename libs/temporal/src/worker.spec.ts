import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { boundWorkflowHeap } from './worker';

/** The heap limit, in MiB, of a thread started now. */
function threadHeapLimit(): Promise<number> {
  const thread = new Worker(
    `require('node:worker_threads').parentPort.postMessage(require('node:v8').getHeapStatistics().heap_size_limit)`,
    {
      eval: true,
    },
  );
  return new Promise<number>((resolve, reject) => {
    thread.once('message', (bytes: number) => resolve(bytes / 2 ** 20));
    thread.once('error', reject);
  }).finally(() => thread.terminate());
}

describe('boundWorkflowHeap', () => {
  it('bounds a thread started after it, and leaves this thread’s heap as it was', async () => {
    const before = getHeapStatistics().heap_size_limit;
    expect(await threadHeapLimit()).toBeGreaterThan(1024);
    // larger than any test's workflows need: the flag stays for the rest of this process
    boundWorkflowHeap(1024);
    const bounded = await threadHeapLimit();
    expect(bounded).toBeGreaterThanOrEqual(1024);
    expect(bounded).toBeLessThan(1024 + 128); // the young generation's semi-spaces come on top
    expect(getHeapStatistics().heap_size_limit).toBe(before);
  });
});
