import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Page, pageOf } from '../../../http/src/pagination';
import { uuidParam } from '../../../http/src/params';
import { IdentityService } from '../application/identity.service';
import type { Actor } from '../domain/actor';
import { Role } from '../domain/organisation';
import type { OrganisationEntity } from '../infrastructure/organisation.entity';
import type { UserEntity } from '../infrastructure/user.entity';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { AccessTokenView, LoginDto, NewOrganisationDto, NewUserDto, OrganisationQuery, OrganisationView, UserView } from './dto/identity.dto';

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
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a short-lived bearer token' })
  @ApiOkResponse({ type: AccessTokenView })
  @ApiUnauthorizedResponse({ description: 'AUTH.INVALID_CREDENTIALS' })
  login(@Body() body: LoginDto): Promise<AccessTokenView> {
    return this.identity.login(body.email, body.password);
  }

  @Get('auth/me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentActor() actor: Actor): Promise<UserView> {
    return userView(await this.identity.user(actor.userId));
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

  @Get('organisations/:id/users')
  @ApiBearerAuth()
  @ApiOperation({ summary: "An organisation's people: admins see any, others their own" })
  @ApiOkResponse({ type: [UserView] })
  async users(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<UserView[]> {
    return (await this.identity.users(actor, id)).map(userView);
  }
}
