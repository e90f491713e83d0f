import { errorCatalogue } from '@caravan/errors';

export const IdempotencyErrors = errorCatalogue('IDEMPOTENCY', {
  IN_PROGRESS: { kind: 'conflict', summary: 'a request with this Idempotency-Key was just refused or is finishing; retry' },
  KEY_REUSED: { kind: 'unprocessable', summary: 'this Idempotency-Key was used for a different request' },
});
