import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MigrationInterface, MixedList } from 'typeorm';
import { AppConfig } from '@caravan/config';
import { assertLeastPrivilege, assertMigrated, DatabaseSetupError } from './roles';
import { ScopedDatabase } from './scoped-database';

/** A migration as TypeORM runs it: a class it instantiates. */
export type MigrationClass = new () => MigrationInterface;

export interface DatabaseModuleOptions {
  /** Every bounded context's migrations: the schema this build expects to find. */
  migrations: MixedList<MigrationClass>;
}

export function dataSourceOptions(url: string, migrations: MixedList<MigrationClass>): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    extra: { max: 20 },
  };
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [ScopedDatabase],
      exports: [ScopedDatabase],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.DATABASE_URL, options.migrations),
            autoLoadEntities: true,
            // PostgreSQL not up yet is worth waiting for; a role or schema it must not run on is not
            toRetry: (error: unknown) => !(error instanceof DatabaseSetupError),
          }),
          // The apps never migrate: they run as a role that cannot, and check they may run at all.
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions!).initialize();
            try {
              await assertLeastPrivilege(dataSource);
              await assertMigrated(dataSource);
            } catch (e) {
              await dataSource.destroy();
              throw e;
            }
            return dataSource;
          },
        }),
      ],
    };
  }
}
