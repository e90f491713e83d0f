import { DomainError, ErrorKind } from './domain-error';

/** What a code means: its kind (hence its HTTP status) and a line for the API's document. */
export interface ErrorEntry {
  readonly kind: ErrorKind;
  readonly summary: string;
}

/** Raises one code's refusal; carries the code, its kind and summary for whoever lists them. */
export interface ErrorFactory<C extends string = string> extends ErrorEntry {
  (message: string, field?: string): DomainError;
  readonly code: C;
}

export type ErrorCatalogue<P extends string, E extends Record<string, ErrorEntry>> = {
  readonly [K in keyof E & string]: ErrorFactory<`${P}.${K}`>;
};

/**
 * One context's refusals, each code declared once with one kind: a throw site names a
 * declared code (the compiler checks it) and cannot give the same code another status. `make`
 * builds a context's own subclass, for callers that tell its refusals apart.
 */
export function errorCatalogue<const P extends string, const E extends Record<string, ErrorEntry>>(
  prefix: P,
  entries: E,
  make: (code: string, message: string, kind: ErrorKind, field?: string) => DomainError = (...args) => new DomainError(...args),
): ErrorCatalogue<P, E> {
  const catalogue: Record<string, ErrorFactory> = {};
  for (const [key, entry] of Object.entries(entries)) {
    const code = `${prefix}.${key}`;
    const raise = (message: string, field?: string) => make(code, message, entry.kind, field);
    catalogue[key] = Object.assign(raise, { code, kind: entry.kind, summary: entry.summary });
  }
  return Object.freeze(catalogue) as ErrorCatalogue<P, E>;
}

/** Every code of these catalogues, sorted: what the API's document lists. */
export function listCodes(...catalogues: Array<Record<string, ErrorFactory>>): ErrorFactory[] {
  return catalogues.flatMap((c) => Object.values(c)).sort((a, b) => a.code.localeCompare(b.code));
}
