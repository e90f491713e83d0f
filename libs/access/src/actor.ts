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

/** No person: the platform's own steps (a workflow acting for the bank it serves). */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';

/** The platform acting for an organisation: audit trails and journal entries name it by `label`. */
export function systemActor(label: `system:${string}`, organisationId: string, organisationKind = OrganisationKind.BANK): Actor {
  return { userId: SYSTEM_USER_ID, email: label, organisationId, organisationKind, roles: [] };
}

export function isPerson(actor: Actor): boolean {
  return actor.userId !== SYSTEM_USER_ID;
}

/**
 * What PostgreSQL's row-level security lets this actor's transactions see: the operator's
 * readers every row (to read only), anyone else their own organisation's.
 */
export function dataScopeOf(actor: Actor): { organisationId: string | null; readsAll: boolean } {
  return isOperatorReader(actor) ? { organisationId: null, readsAll: true } : { organisationId: actor.organisationId, readsAll: false };
}
