import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../../errors/src';
import { Sessions } from '../application/sessions';
import { hasAnyRole } from '../domain/actor';
import type { Role } from '../domain/organisation';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: unknown }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const actor = scheme === 'Bearer' && token ? await this.sessions.authenticate(token) : undefined;
    if (!actor) {
      throw new DomainError('AUTH.UNAUTHENTICATED', 'a valid, unexpired bearer token is required', 'unauthorized');
    }
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !hasAnyRole(actor, roles)) {
      throw new DomainError('AUTH.FORBIDDEN', 'your role does not allow this action', 'forbidden');
    }
    return true;
  }
}
