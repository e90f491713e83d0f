import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import type { Role } from './organisation';

export const PUBLIC_ROUTE = 'caravan:public';
export const REQUIRED_ROLES = 'caravan:roles';
export const SECOND_FACTOR_EXEMPT = 'caravan:second-factor-exempt';

/** Reachable without a token (login, health, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Open to a person who must enrol a second factor and has not yet: enrolment, who one is, sign-out. */
export const SecondFactorExempt = () => SetMetadata(SECOND_FACTOR_EXEMPT, true);

/** Only people holding one of these roles; checked before any object is looked up. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated actor of the request. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
