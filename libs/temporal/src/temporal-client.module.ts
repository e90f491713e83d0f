import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { AppConfig } from '@caravan/config';
import { temporalClientInterceptors } from '@caravan/tracing';
import { temporalConnectionOptions } from './connection-options';

const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

@Injectable()
class ConnectionCloser implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

/** The Temporal client for starting workflows and sending updates; one connection per process. */
@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL_CONNECTION,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => Connection.connect(temporalConnectionOptions(config)),
    },
    {
      provide: Client,
      inject: [TEMPORAL_CONNECTION, AppConfig],
      useFactory: (connection: Connection, config: AppConfig) =>
        new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: { workflow: temporalClientInterceptors() } }),
    },
    ConnectionCloser,
  ],
  exports: [Client],
})
export class TemporalClientModule {}
