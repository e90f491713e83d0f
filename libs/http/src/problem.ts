import type { ErrorKind } from '@caravan/errors';

/** One field's complaint inside a problem document. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, extended with a stable `code` and the fields concerned. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: FieldProblem[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  timeout: 408,
  conflict: 409,
  unprocessable: 422,
  too_large: 413,
  too_many: 429,
};

export function problem(status: number, code: string, title: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:caravan:problem:${code}`, title, status, code, ...extra };
}

/** The problem for a coded refusal (a DomainError, or a catalogue's entry): its kind gives the status. */
export function problemFor(refusal: { code: string; kind: ErrorKind }, title: string, extra: Partial<Problem> = {}): Problem {
  return problem(STATUS_BY_KIND[refusal.kind], refusal.code, title, extra);
}
