import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@caravan/errors';

/** `:id` path parameters: a malformed id is a 400 naming `id`, like any other bad field. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('REQUEST.INVALID_ID', 'id must be a UUID', 'invalid', 'id'),
});
