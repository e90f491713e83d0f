import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@caravan/config';
import { WriteThrottleGuard } from '@caravan/http';
import { IdempotencyModule } from '@caravan/idempotency';
import { MetricsModule } from '@caravan/metrics';
import { coreModules } from '../../common/core.modules';
import { HealthController, Readiness } from './health.controller';

@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    const writes = ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (c: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: c.WRITE_RATE_LIMIT_PER_MINUTE }],
        skipIf: () => c.WRITE_RATE_LIMIT_PER_MINUTE === 0,
      }),
    });
    return {
      module: ApiModule,
      imports: [...coreModules(config), MetricsModule.forApi(), IdempotencyModule, writes],
      controllers: [HealthController],
      providers: [{ provide: APP_GUARD, useClass: WriteThrottleGuard }, Readiness],
    };
  }
}
