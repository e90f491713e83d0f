import './tracing';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@caravan/config';
import { FinancingActivities } from '@caravan/financing';
import { ReceivableActivities } from '@caravan/receivables';
import { ReconciliationActivities, ReconciliationRunsService } from '@caravan/reconciliation';
import { activitiesOf, createTemporalWorker } from '@caravan/temporal';
import { installRuntime } from './runtime';
import { WorkerModule } from './worker.module';

// Built by `npm run build` beside the compiled apps: dist/workflow-bundle.js.
const WORKFLOW_BUNDLE = resolve(__dirname, '../../../workflow-bundle.js');

async function main(): Promise<void> {
  const config = loadConfig();
  const metrics = installRuntime(config);
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config, metrics), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);

  const activities = {
    ...activitiesOf(app.get(ReceivableActivities)),
    ...activitiesOf(app.get(FinancingActivities)),
    ...activitiesOf(app.get(ReconciliationActivities)),
  };
  await app.get(ReconciliationRunsService).ensureDailySchedules();
  const { worker, connection } = await createTemporalWorker(config, activities, WORKFLOW_BUNDLE);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => worker.shutdown());

  logger.log({ msg: 'worker started', taskQueue: config.TEMPORAL_TASK_QUEUE, activities: Object.keys(activities) });
  // on SIGTERM run() returns once the tasks in hand are done (activities get SHUTDOWN_GRACE_SECONDS)
  await worker.run();
  await connection.close();
  await app.close();
  logger.log({ msg: 'worker drained and stopped' });
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
