import { createServer, Server } from 'node:http';
import { once } from 'node:events';
import { DynamicModule, Global, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@caravan/config';
import { ApiMetrics } from './api-metrics';
import { BusinessMetrics } from './business-metrics';

/**
 * Serves the API's registry at GET /metrics on METRICS_HOST:METRICS_PORT, a listener of its own:
 * the metrics are platform-wide (every bank's volumes), so they are never on the public port a
 * load balancer routes to. Off when METRICS_PORT is unset.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.METRICS_PORT === undefined) return;
    const registry = this.metrics.registry;
    this.server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url !== '/metrics') return void res.writeHead(404).end();
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    this.server.listen(this.config.METRICS_PORT, this.config.METRICS_HOST);
    await once(this.server, 'listening');
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server?.listening) return;
    this.server.closeAllConnections();
    await new Promise((done) => this.server!.close(done));
  }
}

/** The business counters' port for every context, and in the API its registry and listener. */
@Global()
@Module({})
export class MetricsModule {
  static forApi(): DynamicModule {
    return {
      module: MetricsModule,
      providers: [
        ApiMetrics,
        { provide: BusinessMetrics, inject: [ApiMetrics], useFactory: (m: ApiMetrics) => m.business },
        MetricsListener,
      ],
      exports: [ApiMetrics, BusinessMetrics],
    };
  }

  /** The worker's counters go through the Temporal runtime's meter (see temporalBusinessMetrics). */
  static forWorker(business: BusinessMetrics): DynamicModule {
    return { module: MetricsModule, providers: [{ provide: BusinessMetrics, useValue: business }], exports: [BusinessMetrics] };
  }
}
