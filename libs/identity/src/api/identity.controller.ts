import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Page, pageOf, uuidParam } from '@caravan/http';
import { AppConfig } from '@caravan/config';
import { Accounts } from '../application/accounts';
import { SecondFactors } from '../application/second-factors';
import { needsSecondFactor, rolesNeedingSecondFactor } from '../domain/second-factor';
import { IdentityService } from '../application/identity.service';
import type { Actor } from '@caravan/access';
import { CurrentActor, Public, Role, Roles, SecondFactorExempt } from '@caravan/access';
import type { OrganisationEntity } from '../infrastructure/organisation.entity';
import type { UserEntity } from '../infrastructure/user.entity';
import {
  AccessTokenView,
  ChangePasswordDto,
  CompleteResetDto,
  LoginDto,
  NewOrganisationDto,
  NewUserDto,
  OneTimeCodeDto,
  OrganisationQuery,
  OrganisationView,
  ResetCodeView,
  SecondFactorStartView,
  UserView,
} from './dto/identity.dto';
import { OrganisationPageView } from './dto/organisation-page.view';

const organisationView = (o: OrganisationEntity): OrganisationView => ({ id: o.id, kind: o.kind, name: o.name, creditCode: o.creditCode });
const userView = (u: UserEntity): UserView => ({
  id: u.id,
  organisationId: u.organisationId,
  email: u.email,
  displayName: u.displayName,
  roles: u.roles,
  approvalAuthority: u.approvalAuthority?.toFixed(2) ?? null,
  active: u.active,
});

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    private readonly accounts: Accounts,
    private readonly secondFactors: SecondFactors,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange e-mail and password for a short-lived bearer token; too many failures of an account or an address answer 429 for a while',
  })
  @ApiOkResponse({ type: AccessTokenView })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CREDENTIALS' })
  login(@Body() body: LoginDto, @Ip() address: string): Promise<AccessTokenView> {
    return this.identity.login(body.email, body.password, address, body.otp);
  }

  @Post('auth/second-factor')
  @SecondFactorExempt()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start enrolling an authenticator app: a seed (and its otpauth URI, for a QR code), confirmed by a first code' })
  @ApiCreatedResponse({ type: SecondFactorStartView })
  startSecondFactor(@CurrentActor() actor: Actor): Promise<SecondFactorStartView> {
    return this.secondFactors.start(actor);
  }

  @Post('auth/second-factor/confirm')
  @HttpCode(204)
  @SecondFactorExempt()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Confirm the authenticator app with its first code: every session ends; sign in again, with a code' })
  async confirmSecondFactor(@CurrentActor() actor: Actor, @Body() body: OneTimeCodeDto): Promise<void> {
    await this.secondFactors.confirm(actor, body.code);
  }

  @Post('auth/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change one’s password: every session ends, sign in again' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.accounts.changePassword(actor, body.currentPassword, body.newPassword);
  }

  @Post('auth/sessions/revoke')
  @HttpCode(204)
  @SecondFactorExempt()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out everywhere: every token issued so far stops working within seconds' })
  async signOutEverywhere(@CurrentActor() actor: Actor): Promise<void> {
    await this.accounts.signOutEverywhere(actor);
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password with the one-time code an operator admin handed over' })
  async completeReset(@Body() body: CompleteResetDto, @Ip() address: string): Promise<void> {
    await this.accounts.completeReset(body.email, body.code, body.newPassword, address);
  }

  @Get('auth/me')
  @SecondFactorExempt()
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    const user = await this.identity.user(actor.userId);
    const secondFactor = user.ssoSubject
      ? 'PROVIDER'
      : user.totpEnabledAt
        ? 'ENABLED'
        : needsSecondFactor(user.roles, rolesNeedingSecondFactor(this.config.AUTH_SECOND_FACTOR_ROLES))
          ? 'REQUIRED'
          : 'OPTIONAL';
    return { ...userView(user), secondFactor };
  }

  @Post('organisations')
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Onboard an organisation (platform operator)' })
  @ApiCreatedResponse({ type: OrganisationView })
  async onboard(@CurrentActor() actor: Actor, @Body() body: NewOrganisationDto): Promise<OrganisationView> {
    return organisationView(await this.identity.onboardOrganisation(actor, body));
  }

  @Get('organisations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The directory of counterparties: every organisation, its kind and name' })
  @ApiOkResponse({ type: OrganisationPageView })
  async list(@Query() query: OrganisationQuery): Promise<Page<OrganisationView>> {
    return pageOf(await this.identity.listOrganisations(query.kind, query.limit, query.offset), query, organisationView);
  }

  @Get('organisations/:id')
  @ApiBearerAuth()
  @ApiOkResponse({ type: OrganisationView })
  async get(@Param('id', uuidParam) id: string): Promise<OrganisationView> {
    return organisationView(await this.identity.organisation(id));
  }

  @Post('organisations/:id/users')
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a person to an organisation, with roles that fit its kind' })
  @ApiCreatedResponse({ type: UserView })
  async addUser(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: NewUserDto): Promise<UserView> {
    return userView(await this.identity.addUser(actor, id, body));
  }

  @Post('organisations/:id/users/:userId/deactivate')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Deactivate a person: they cannot sign in, and their tokens stop working within seconds' })
  @ApiOkResponse({ type: UserView })
  async deactivate(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('userId', uuidParam) userId: string,
  ): Promise<UserView> {
    return userView(await this.accounts.deactivate(actor, id, userId));
  }

  @Post('organisations/:id/users/:userId/reactivate')
  @HttpCode(200)
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async reactivate(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('userId', uuidParam) userId: string,
  ): Promise<UserView> {
    return userView(await this.accounts.reactivate(actor, id, userId));
  }

  @Post('organisations/:id/users/:userId/second-factor/reset')
  @HttpCode(204)
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Clear a lost second factor: the person enrols again at their next sign-in' })
  async resetSecondFactor(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('userId', uuidParam) userId: string,
  ): Promise<void> {
    await this.secondFactors.reset(actor, id, userId);
  }

  @Post('organisations/:id/users/:userId/password-reset')
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Start a password reset: a one-time code, valid 30 minutes, for the admin to hand over (never a password)' })
  @ApiCreatedResponse({ type: ResetCodeView })
  startReset(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('userId', uuidParam) userId: string,
  ): Promise<ResetCodeView> {
    return this.accounts.startReset(actor, id, userId);
  }

  @Get('organisations/:id/users')
  @ApiBearerAuth()
  @ApiOperation({ summary: "An organisation's people: admins see any, others their own" })
  @ApiOkResponse({ type: [UserView] })
  async users(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<UserView[]> {
    return (await this.identity.users(actor, id)).map(userView);
  }
}
