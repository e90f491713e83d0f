import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@caravan/config';
import { AuthGuard } from './api/auth.guard';
import { IdentityController } from './api/identity.controller';
import { SingleSignOnController } from './api/single-sign-on.controller';
import { Accounts } from './application/accounts';
import { IdentityService } from './application/identity.service';
import { SecondFactors } from './application/second-factors';
import { Sessions } from './application/sessions';
import { SingleSignOn } from './application/single-sign-on';
import { OrganisationDirectory } from './application/organisation-directory';
import { People, PersonDirectory } from './application/person-directory';
import { CreateIdentity1764143900000 } from './infrastructure/migrations/1764143900000-create-identity';
import { OrganisationEntity } from './infrastructure/organisation.entity';
import { UserEntity } from './infrastructure/user.entity';
import { IdentityPrivileges1764146100000 } from './infrastructure/migrations/1764146100000-app-privileges';
import { AccountLifecycle1764146700000 } from './infrastructure/migrations/1764146700000-account-lifecycle';
import { SecondFactor1764146800000 } from './infrastructure/migrations/1764146800000-second-factor';
import { SingleSignOn1764147000000 } from './infrastructure/migrations/1764147000000-single-sign-on';

export const IDENTITY_MIGRATIONS = [
  CreateIdentity1764143900000,
  IdentityPrivileges1764146100000,
  AccountLifecycle1764146700000,
  SecondFactor1764146800000,
  SingleSignOn1764147000000,
];

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationEntity, UserEntity])],
  controllers: [IdentityController, SingleSignOnController],
  providers: [
    IdentityService,
    Sessions,
    Accounts,
    SecondFactors,
    SingleSignOn,
    { provide: OrganisationDirectory, useExisting: IdentityService },
    { provide: PersonDirectory, useClass: People },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, OrganisationDirectory, PersonDirectory],
})
export class IdentityModule implements OnApplicationBootstrap {
  constructor(
    private readonly identity: IdentityService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (email && password) await this.identity.bootstrapAdmin(email, password);
  }
}
