import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '../../../libs/config/src';
import { DatabaseModule } from '../../../libs/database/src';
import { LoggingModule } from '../../../libs/logging/src';
import { RECEIVABLES_MIGRATIONS, ReceivablesModule } from '../../../libs/receivables/src';
import { TemporalClientModule } from '../../../libs/temporal/src';

@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot({ migrations: [...RECEIVABLES_MIGRATIONS] }),
        TemporalClientModule,
        ReceivablesModule,
      ],
    };
  }
}
