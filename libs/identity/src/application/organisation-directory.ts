import type { OrganisationKind } from '../domain/organisation';

/** What other contexts may ask about organisations: that one exists, and its kind. */
export abstract class OrganisationDirectory {
  abstract kindOf(organisationId: string): Promise<OrganisationKind | undefined>;
}
