import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The portal is served by the API app under /portal/, from dist/portal.
export default defineConfig({
  root: import.meta.dirname,
  base: '/portal/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, '../../dist/portal'),
    emptyOutDir: true,
    sourcemap: true,
    // Ant Design and ECharts together are about 2 MB before compression: one bundle, served from our own origin
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Ant Design marks its modules "use client" (for React Server Components); a client-only bundle has no use for it
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
