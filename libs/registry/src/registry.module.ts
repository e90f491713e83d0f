import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PledgesController } from './api/pledges.controller';
import { PLEDGEABLE_ASSETS, PledgeableAsset } from './application/pledgeable-asset';
import { PledgeRegistry } from './application/pledge-registry';
import { CreatePledges1764144200000 } from './infrastructure/migrations/1764144200000-create-pledges';
import { PledgeEntity } from './infrastructure/pledge.entity';
import { RegistryPrivileges1764146100000 } from './infrastructure/migrations/1764146100000-app-privileges';

export const REGISTRY_MIGRATIONS = [CreatePledges1764144200000, RegistryPrivileges1764146100000];

@Module({})
export class RegistryModule {
  /** The app says which kinds of asset can be pledged, and which modules provide them. */
  static register(options: { imports: ModuleMetadata['imports']; assets: Type<PledgeableAsset>[] }): DynamicModule {
    return {
      module: RegistryModule,
      imports: [TypeOrmModule.forFeature([PledgeEntity]), ...(options.imports ?? [])],
      controllers: [PledgesController],
      providers: [
        PledgeRegistry,
        { provide: PLEDGEABLE_ASSETS, useFactory: (...assets: PledgeableAsset[]) => assets, inject: options.assets },
      ],
      exports: [PledgeRegistry],
    };
  }
}
