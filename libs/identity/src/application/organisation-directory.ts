import type { OrganisationKind } from '@caravan/access';

/** What other contexts may ask about organisations: that one exists, its kind, those of a kind. */
export abstract class OrganisationDirectory {
  abstract kindOf(organisationId: string): Promise<OrganisationKind | undefined>;
  abstract idsOfKind(kind: OrganisationKind): Promise<string[]>;
}
