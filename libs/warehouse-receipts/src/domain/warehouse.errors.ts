import { errorCatalogue } from '@caravan/errors';

export const WarehouseErrors = errorCatalogue('WAREHOUSE', {
  BAD_CODE: { kind: 'invalid', summary: 'code must be 2–32 of A–Z, 0–9 and -' },
  COMMODITY_NOT_FOUND: { kind: 'not_found', summary: 'no such commodity' },
  DUPLICATE_RECEIPT: { kind: 'conflict', summary: 'a receipt with this number already exists' },
  HOLDER_NOT_SME: { kind: 'invalid', summary: 'holderId must name an SME on the platform' },
  ILLEGAL_TRANSITION: { kind: 'conflict', summary: 'the receipt cannot take this step from its status' },
  NOT_PLEDGED: { kind: 'conflict', summary: 'the receipt is not pledged' },
  NO_PRICE: { kind: 'unprocessable', summary: 'no price of the commodity on or before the date' },
  RECEIPT_NOT_FOUND: { kind: 'not_found', summary: 'no such warehouse receipt, or not one you may see' },
  RELEASE_TOO_LARGE: { kind: 'invalid', summary: 'a partial release must leave goods in the yard' },
  SPLIT_NOT_EXACT: { kind: 'invalid', summary: 'the parts do not add up to the receipt’s quantity' },
  SPLIT_PART_NOT_POSITIVE: { kind: 'invalid', summary: 'every part must be more than zero' },
  SPLIT_TOO_FEW: { kind: 'invalid', summary: 'a split needs at least two parts' },
  UNKNOWN_COMMODITY: { kind: 'invalid', summary: 'no commodity with this code' },
});
