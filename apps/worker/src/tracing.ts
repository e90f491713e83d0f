// main.ts's first import: the instrumentations patch http and pg as they load, so tracing starts
// before anything else is required. A bad tracing variable stops the boot like any other.
import { startTracing } from '@caravan/tracing';

try {
  startTracing('caravan-worker');
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
