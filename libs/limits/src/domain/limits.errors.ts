import { errorCatalogue } from '@caravan/errors';

export const LimitErrors = errorCatalogue('LIMITS', {
  BELOW_UTILISATION: { kind: 'unprocessable', summary: 'a limit cannot be set below what is already used' },
  EXCEEDED: { kind: 'unprocessable', summary: 'the credit limit has less left than the amount asked' },
  NO_LIMIT: { kind: 'unprocessable', summary: 'no credit limit of this kind is set for this party' },
  RELEASE_EXCEEDS_RESERVED: { kind: 'unprocessable', summary: 'more would be released than is still reserved' },
  RESERVATION_MISMATCH: { kind: 'conflict', summary: 'this reservation key already reserves another amount or subject' },
  RESERVATION_NOT_FOUND: { kind: 'not_found', summary: 'no such reservation' },
});
