import { ApplicationFailure } from '@temporalio/common';
import { DomainError, ErrorKind } from '@caravan/errors';

// Workflow-safe: imported by workflows, activities and the client side alike.

/** A business refusal crossing Temporal: the failure type is the stable code, details carry the kind. */
export function toApplicationFailure(error: DomainError): ApplicationFailure {
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: true,
    details: [error.kind, error.field ?? null],
  });
}

/** Finds a business failure anywhere in a Temporal error's cause chain and rebuilds the DomainError. */
export function domainErrorFrom(error: unknown): DomainError | undefined {
  for (let e: unknown = error; e instanceof Error; e = (e as Error).cause) {
    if (e instanceof ApplicationFailure && e.type && e.nonRetryable) {
      const [kind, field] = (e.details ?? []) as [ErrorKind | undefined, string | null | undefined];
      return new DomainError(e.type, e.message, kind ?? 'unprocessable', field ?? undefined);
    }
  }
  return undefined;
}
