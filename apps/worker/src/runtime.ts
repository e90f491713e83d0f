import { Runtime } from '@temporalio/worker';
import type { AppConfig } from '@caravan/config';
import { temporalLogger } from '@caravan/logging';
import { BusinessMetrics, temporalBusinessMetrics } from '@caravan/metrics';

/** host:port as a socket address reads it: an IPv6 host (it holds a ':') in brackets. */
export function bindAddress(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

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
                bindAddress: bindAddress(config.METRICS_HOST, config.WORKER_METRICS_PORT),
                countersTotalSuffix: true,
                unitSuffix: true,
                useSecondsForDurations: true,
              },
            },
          },
  });
  return temporalBusinessMetrics(runtime.metricMeter);
}
