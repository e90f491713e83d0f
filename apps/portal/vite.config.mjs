import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The portal is served by the API app under /portal/, from dist/portal.
export default defineConfig({
  root: import.meta.dirname,
  base: '/portal/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { outDir: resolve(import.meta.dirname, '../../dist/portal'), emptyOutDir: true, sourcemap: true },
});
