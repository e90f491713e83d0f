import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from './tracing';

@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  // the apps end with process.exit once closed, which leaves no turn for the batch to go out
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}

/** Sends the spans still batched when the app closes (SIGTERM, or the worker's drain). */
@Global()
@Module({ providers: [TracingShutdown] })
export class TracingModule {}
