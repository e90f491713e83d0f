import type { MetricMeter } from '@temporalio/common';
import { CountingBusinessMetrics } from './business-metrics';

/**
 * The business counters in the worker, through the Temporal SDK runtime's meter: they are served
 * by the runtime's own Prometheus endpoint (WORKER_METRICS_PORT) beside its task and cache
 * metrics, one scrape per worker, under the same names as the API's (`…_total`).
 */
export function temporalBusinessMetrics(meter: MetricMeter): CountingBusinessMetrics {
  return new CountingBusinessMetrics((name, help) => {
    const counter = meter.createCounter(name, undefined, help);
    return { add: (value, labels) => counter.add(value, labels) };
  });
}
