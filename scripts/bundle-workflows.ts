import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

// The worker loads this prebuilt bundle instead of bundling at every start.
async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const { code } = await bundleWorkflowCode({
    workflowsPath: resolve(root, 'workflows/index.ts'),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } as never,
  });
  const out = resolve(root, 'dist/workflow-bundle.js');
  await writeFile(out, code);
  console.log(`workflow bundle: ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
