import { errorCatalogue } from '@caravan/errors';

export const RegistryErrors = errorCatalogue('REGISTRY', {
  ALREADY_DISCHARGED: { kind: 'conflict', summary: 'this pledge is already discharged' },
  ASSET_ENCUMBERED: { kind: 'conflict', summary: 'the asset already backs a live financing' },
  ASSET_NOT_FOUND: { kind: 'not_found', summary: 'no such asset' },
  ASSET_TYPE_UNSUPPORTED: { kind: 'invalid', summary: 'assets of this type cannot be pledged yet' },
  NOT_THE_HOLDER: { kind: 'invalid', summary: 'the asset is not held by the borrower' },
  PLEDGE_NOT_FOUND: { kind: 'not_found', summary: 'pledge not found' },
});
