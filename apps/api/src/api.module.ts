import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from '../../../libs/config/src';
import { DatabaseModule } from '../../../libs/database/src';
import { LoggingModule } from '../../../libs/logging/src';
import { RECEIVABLES_MIGRATIONS, ReceivablesModule } from '../../../libs/receivables/src';
import { TemporalClientModule } from '../../../libs/temporal/src';
import { HealthController } from './health.controller';

export const MIGRATIONS = [...RECEIVABLES_MIGRATIONS];

@Module({})
export class ApiModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule.forRoot({ migrations: MIGRATIONS }),
        TemporalClientModule,
        ReceivablesModule,
      ],
      controllers: [HealthController],
    };
  }
}
