import type { DynamicModule, Type } from '@nestjs/common';
import { AppConfig, ConfigModule } from '../../libs/config/src';
import { DatabaseModule } from '../../libs/database/src';
import { LoggingModule } from '../../libs/logging/src';
import { RECEIVABLES_MIGRATIONS, ReceivablesModule } from '../../libs/receivables/src';
import { TemporalClientModule } from '../../libs/temporal/src';

/** Every context's migrations, in one list: the schema both apps migrate to. */
export const MIGRATIONS = [...RECEIVABLES_MIGRATIONS];

/** What the API and the worker both run on: config, logs, database, Temporal client, contexts. */
export function coreModules(config: AppConfig): Array<DynamicModule | Type> {
  return [
    ConfigModule.forRoot(config),
    LoggingModule,
    DatabaseModule.forRoot({ migrations: MIGRATIONS }),
    TemporalClientModule,
    ReceivablesModule,
  ];
}
