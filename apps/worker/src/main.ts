import './tracing';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@caravan/config';
import { temporalLogger } from '@caravan/logging';
import { FinancingActivities } from '@caravan/financing';
import { ReceivableActivities } from '@caravan/receivables';
import { ReconciliationActivities, ReconciliationRunsService } from '@caravan/reconciliation';
import { activitiesOf, createTemporalWorker } from '@caravan/temporal';
import { WorkerModule } from './worker.module';

// Built by `npm run build` beside the compiled apps: dist/workflow-bundle.js.
const WORKFLOW_BUNDLE = resolve(__dirname, '../../../workflow-bundle.js');

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: temporalLogger(config.LOG_LEVEL) });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { bufferLogs: true });
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
  await worker.run();
  await connection.close();
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
