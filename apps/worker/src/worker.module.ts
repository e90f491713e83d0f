import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@caravan/config';
import { BusinessMetrics, MetricsModule } from '@caravan/metrics';
import { coreModules } from '../../common/core.modules';

@Module({})
export class WorkerModule {
  static register(config: AppConfig, metrics: BusinessMetrics): DynamicModule {
    return { module: WorkerModule, imports: [...coreModules(config), MetricsModule.forWorker(metrics)] };
  }
}
