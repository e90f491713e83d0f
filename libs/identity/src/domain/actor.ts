import { OrganisationKind, Role } from './organisation';

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

/** The platform operator's admins and auditors, who read everything. */
export function isOperatorReader(actor: Actor): boolean {
  return actor.organisationKind === OrganisationKind.OPERATOR && hasAnyRole(actor, [Role.ADMIN, Role.AUDITOR]);
}

/** How the audit trail and the workflows name a person. */
export function actorName(actor: Actor): string {
  return `${actor.email} (${actor.userId})`;
}
