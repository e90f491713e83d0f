import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/src';
import { IdempotencyModule } from '../../../libs/idempotency/src';
import { coreModules } from '../../common/core.modules';
import { HealthController } from './health.controller';

@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return { module: ApiModule, imports: [...coreModules(config), IdempotencyModule], controllers: [HealthController] };
  }
}
