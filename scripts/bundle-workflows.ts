import { existsSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

/** tsconfig.json's library doors for webpack: `@caravan/<lib>` and `@caravan/<lib>/workflow`. */
function libraryDoors(root: string): Record<string, string> {
  const alias: Record<string, string> = {};
  for (const lib of readdirSync(resolve(root, 'libs'))) {
    alias[`@caravan/${lib}$`] = resolve(root, 'libs', lib, 'src/index.ts');
    const door = resolve(root, 'libs', lib, 'src/workflow.ts');
    if (existsSync(door)) alias[`@caravan/${lib}/workflow$`] = door;
  }
  return alias;
}

// The worker loads this prebuilt bundle instead of bundling at every start.
async function main(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const { code } = await bundleWorkflowCode({
    workflowsPath: resolve(root, 'workflows/index.ts'),
    // tracing's workflow half: it stays idle in a run started outside a trace
    workflowInterceptorModules: [resolve(root, 'libs/tracing/src/workflow.ts')],
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...libraryDoors(root) } },
    }),
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
