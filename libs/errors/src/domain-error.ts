/** How a refusal reads to a client; the HTTP layer maps each kind to one status. */
export type ErrorKind =
  'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'timeout' | 'conflict' | 'unprocessable' | 'too_large' | 'too_many';

/**
 * A business refusal with a stable code (`RECEIVABLE.DUPLICATE_INVOICE`) that clients and
 * tests can rely on; the message is for people and may change.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind = 'unprocessable',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
