// main.ts's first import: the instrumentations patch http and pg as they load, so tracing starts
// before anything else is required.
import { startTracingOrExit } from '@caravan/tracing';

startTracingOrExit('caravan-worker');
