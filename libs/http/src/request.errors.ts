import { errorCatalogue } from '@caravan/errors';

export const RequestErrors = errorCatalogue('REQUEST', {
  INVALID: { kind: 'invalid', summary: 'the request is invalid: each field’s complaint is in errors[]' },
  INVALID_ID: { kind: 'invalid', summary: 'id must be a UUID' },
  INVALID_IDEMPOTENCY_KEY: { kind: 'invalid', summary: 'Idempotency-Key must be 1–200 visible ASCII characters' },
  MALFORMED_JSON: { kind: 'invalid', summary: 'the body is not valid JSON' },
  TOO_MANY: { kind: 'too_many', summary: 'too many changes at once: try again after Retry-After seconds' },
});

export const HttpErrors = errorCatalogue('HTTP', {
  REQUEST_TIMEOUT: { kind: 'timeout', summary: 'the request did not arrive whole in time' },
});
