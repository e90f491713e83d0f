import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MixedList } from 'typeorm';
import { AppConfig } from '../../config/src';
import { runMigrationsLocked } from './migrate';

export interface DatabaseModuleOptions {
  /** Every bounded context's migrations; the schema is built by these alone. */
  migrations: MixedList<Function>;
}

export function dataSourceOptions(url: string, migrations: MixedList<Function>): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    extra: { max: 20 },
  };
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.DATABASE_URL, options.migrations),
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions!).initialize();
            const applied = await runMigrationsLocked(dataSource);
            if (applied.length > 0) new Logger('Database').log({ msg: 'migrations applied', applied });
            return dataSource;
          },
        }),
      ],
    };
  }
}
