import { errorCatalogue } from '@caravan/errors';

// Kept under IDENTITY, the code clients have always seen for it.
export const RoleErrors = errorCatalogue('IDENTITY', {
  ROLE_NOT_FOR_ORGANISATION: { kind: 'invalid', summary: 'a role was given that this kind of organisation cannot hold' },
});
