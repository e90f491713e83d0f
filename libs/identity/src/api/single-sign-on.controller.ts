import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DualControlRequest } from '@caravan/dual-control';
import { uuidParam } from '@caravan/http';
import { SingleSignOn } from '../application/single-sign-on';
import type { Actor } from '@caravan/access';
import { CurrentActor, Public, Role, Roles } from '@caravan/access';
import { AccessTokenView } from './dto/identity.dto';
import {
  SingleSignOnCompleteDto,
  SingleSignOnProviderView,
  SingleSignOnSettingsDto,
  SingleSignOnStartDto,
  SingleSignOnStartView,
} from './dto/single-sign-on.dto';

@ApiTags('identity')
@Controller()
export class SingleSignOnController {
  constructor(private readonly sso: SingleSignOn) {}

  @Public()
  @Get('auth/sso/providers')
  @ApiOperation({ summary: 'The banks whose officers sign in through their own provider' })
  @ApiOkResponse({ type: [SingleSignOnProviderView] })
  providers(): Promise<SingleSignOnProviderView[]> {
    return this.sso.providers();
  }

  @Public()
  @Post('auth/sso/start')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Begin signing in through one’s bank: the provider’s address to send the browser to (authorization code flow with PKCE)',
  })
  @ApiOkResponse({ type: SingleSignOnStartView })
  start(@Body() body: SingleSignOnStartDto): Promise<SingleSignOnStartView> {
    return this.sso.start(body.organisationId, body.redirectUri);
  }

  @Public()
  @Post('auth/sso/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Finish signing in through one’s bank with the query string the browser came back with: a bearer token' })
  @ApiOkResponse({ type: AccessTokenView })
  complete(@Body() body: SingleSignOnCompleteDto): Promise<AccessTokenView> {
    return this.sso.complete(body.callback);
  }

  @Put('organisations/:id/sso')
  @HttpCode(202)
  @Roles(Role.ADMIN)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Propose a bank’s sign-in provider and the roles its groups hold: in force once a second operator admin approves',
  })
  @ApiAcceptedResponse({ description: 'The approval request' })
  propose(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Body() body: SingleSignOnSettingsDto,
  ): Promise<DualControlRequest> {
    const { reason, ...settings } = body;
    return this.sso.propose(actor, id, settings, reason);
  }

  @Get('organisations/:id/sso')
  @Roles(Role.ADMIN, Role.AUDITOR)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A bank’s sign-in provider settings in force (the client secret never shown)' })
  settings(@Param('id', uuidParam) id: string) {
    return this.sso.settings(id);
  }
}
