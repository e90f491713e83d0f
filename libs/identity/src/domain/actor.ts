import type { OrganisationKind, Role } from './organisation';

/** The authenticated person behind a request, as the access token states it. */
export interface Actor {
  userId: string;
  email: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  roles: Role[];
}

export function hasAnyRole(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** How the audit trail and the workflows name a person. */
export function actorName(actor: Actor): string {
  return `${actor.email} (${actor.userId})`;
}
