import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter as PromCounter, Histogram, Registry } from 'prom-client';
import { CountingBusinessMetrics } from './business-metrics';

/** Request latencies in seconds: a sign-in's scrypt and a statement import are the slow end. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Requests no route answered (a 404, the portal's files, a body refused before routing) share one label. */
export const UNMATCHED_ROUTE = '(unmatched)';

type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; baseUrl?: string };

/**
 * The API process's registry: Node's process metrics, request latencies by route template and
 * status, and the business counters. A registry of its own, not prom-client's global one, so
 * two apps in one process (the tests) never share series.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  readonly business = new CountingBusinessMetrics((name, help, labelNames) => {
    const counter = new PromCounter({ name: `${name}_total`, help, labelNames, registers: [this.registry] });
    return { add: (value, labels) => counter.inc(labels, value) };
  });
  readonly latency = new Histogram({
    name: 'caravan_http_request_duration_seconds',
    help: 'API requests by method, route template (never a raw URL) and status',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Express middleware: times each request to its last byte, labelled with the route Express matched. */
  readonly timeRequests = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const end = this.latency.startTimer();
    res.once('finish', () => end({ method: req.method ?? 'GET', route: routeOf(req as RoutedRequest), status: String(res.statusCode) }));
    next();
  };
}

function routeOf(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : UNMATCHED_ROUTE;
}
