import { DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from '@caravan/config';
import { coreModules } from '../../common/core.modules';

@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: coreModules(config) };
  }
}
