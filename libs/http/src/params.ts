import { ParseUUIDPipe } from '@nestjs/common';
import { RequestErrors } from './request.errors';

/** `:id` path parameters: a malformed id is a 400 naming `id`, like any other bad field. */
export const uuidParam = new ParseUUIDPipe({
  exceptionFactory: () => RequestErrors.INVALID_ID('id must be a UUID', 'id'),
});
