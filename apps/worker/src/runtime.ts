import { Runtime } from '@temporalio/worker';
import type { AppConfig } from '@caravan/config';
import { temporalLogger } from '@caravan/logging';
import { BusinessMetrics, temporalBusinessMetrics } from '@caravan/metrics';

/**
 * The Temporal SDK's runtime: its logs as JSON, and with WORKER_METRICS_PORT its Prometheus
 * endpoint (task latencies, workflow cache, activity failures, polls), where the business
 * counters of this process go too, so one scrape per worker has both. Durations in seconds and
 * counters ending in `_total`, as prom-client writes the API's.
 */
export function installRuntime(config: AppConfig): BusinessMetrics {
  const runtime = Runtime.install({
    logger: temporalLogger(config.LOG_LEVEL),
    telemetryOptions:
      config.WORKER_METRICS_PORT === undefined
        ? undefined
        : {
            metrics: {
              prometheus: {
                bindAddress: `${config.METRICS_HOST}:${config.WORKER_METRICS_PORT}`,
                countersTotalSuffix: true,
                unitSuffix: true,
                useSecondsForDurations: true,
              },
            },
          },
  });
  return temporalBusinessMetrics(runtime.metricMeter);
}
