import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@caravan/config';
import { Sessions } from '../application/sessions';
import { hasAnyRole, PUBLIC_ROUTE, REQUIRED_ROLES, SECOND_FACTOR_EXEMPT } from '@caravan/access';
import type { Role } from '@caravan/access';
import { mayAct, rolesNeedingSecondFactor } from '../domain/second-factor';
import { AuthErrors } from '../domain/identity.errors';

/**
 * Every route needs a valid bearer token of a session still standing (the person active, not
 * signed out everywhere) unless marked @Public; @Roles narrows it further. The role check runs
 * before the handler, so a refusal says nothing about any object.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: Sessions,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: unknown }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const session = scheme === 'Bearer' && token ? await this.sessions.authenticate(token) : undefined;
    if (!session) {
      throw AuthErrors.UNAUTHENTICATED('a valid, unexpired bearer token is required');
    }
    const { actor, methods } = session;
    request.actor = actor;
    // a person who must sign in with a one-time code and did not may only enrol one (and read who they are)
    if (
      !this.reflector.getAllAndOverride<boolean>(SECOND_FACTOR_EXEMPT, targets) &&
      !mayAct(actor.roles, methods, rolesNeedingSecondFactor(this.config.AUTH_SECOND_FACTOR_ROLES))
    ) {
      throw AuthErrors.SECOND_FACTOR_REQUIRED('your role signs in with a one-time code: enrol an authenticator app, then sign in again');
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasAnyRole(actor, roles)) {
      throw AuthErrors.FORBIDDEN('your role does not allow this action');
    }
    return true;
  }
}
