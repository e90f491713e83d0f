// The portal's only door to the API: bearer token, JSON in and out, problem+json as ApiError.
// Paths, methods, path and query parameters and request bodies are checked by the compiler
// against the OpenAPI document (api-schema.ts, generated: see its header), through openapi-fetch;
// so are the answers the document describes. Where it describes none, api-answers.ts says what
// the portal expects.

import createClient, { createFinalURL, createQuerySerializer, defaultPathSerializer } from 'openapi-fetch';
import type { ClientPathsWithMethod, HeadersOptions, MaybeOptionalInit, MethodResponse } from 'openapi-fetch';
import type { Undocumented } from './api-answers';
import type { components, paths } from './api-schema';

/** A schema of the OpenAPI document by name: what the API takes and answers. */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldProblem[] = [],
    /** What the API said beyond its code (a statement's line and reason, the most that may be financed), when it said it. */
    readonly detail?: string,
  ) {
    super(message);
  }

  /** The complaint about one field, if the API named it. */
  about(field: string): FieldProblem | undefined {
    return this.errors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  }
}

const TOKEN = 'caravan.token';

export const session = {
  get token(): string | null {
    return sessionStorage.getItem(TOKEN);
  },
  set token(value: string | null) {
    if (value) sessionStorage.setItem(TOKEN, value);
    else sessionStorage.removeItem(TOKEN);
  },
};

let onUnauthenticated = () => undefined as void;
/** What to do when the token has expired: the shell goes back to the login page. */
export function whenUnauthenticated(handler: () => void): void {
  onUnauthenticated = handler;
}

/** A problem+json body (or whatever else a refusal carried) as the ApiError the pages show. */
function problemOf(status: number, statusText: string, body: unknown): ApiError {
  const problem: { code?: string; detail?: string; title?: string; errors?: FieldProblem[] } = body && typeof body === 'object' ? body : {};
  return new ApiError(
    status,
    problem.code ?? `HTTP.${status}`,
    problem.detail ?? problem.title ?? statusText,
    problem.errors ?? [],
    // a domain refusal says its case on the field it names (a statement's line and reason)
    problem.detail ?? problem.errors?.[0]?.message,
  );
}

const bearer = (): Record<string, string> => (session.token ? { authorization: `Bearer ${session.token}` } : {});

// the same-origin API; fetch looked up at each call, as a plain fetch() would be
const client = createClient<paths>({ fetch: (request) => fetch(request) });
type Client = typeof client;
type Method = 'get' | 'post' | 'put' | 'delete';

/** The document's paths that answer a method. */
export type PathOf<M extends Method> = ClientPathsWithMethod<Client, M>;

/**
 * What a call answers: the document's response schema; where it has none, the portal's own type
 * for it (api-answers.ts); else unknown (nothing to read, or a type to add there first).
 */
export type Answer<M extends Method, P extends PathOf<M>> = [MethodResponse<Client, M, P>] extends [never]
  ? `${M} ${P}` extends keyof Undocumented
    ? Undocumented[`${M} ${P}`]
    : unknown
  : MethodResponse<Client, M, P>;

/** An answer api-answers.ts types though the document now describes it (or no longer has the path): delete it there. */
type Superseded = {
  [K in keyof Undocumented]: K extends `${infer M extends Method} ${infer P}`
    ? P extends PathOf<M>
      ? [MethodResponse<Client, M, P>] extends [never]
        ? never
        : K
      : K
    : K;
}[keyof Undocumented];
type NoneOf<T extends never> = T;
/** Fails to compile, naming the entry, when api-answers.ts types an answer the document now describes. */
export type SupersededAnswers = NoneOf<Superseded>;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** A call's options (path and query parameters, body, extra headers such as Idempotency-Key): required when the operation requires any. */
type Options<M extends Method, P extends PathOf<M>> = MaybeOptionalInit<paths[P], M> & { headers?: Record<string, string> };
type OptionsParam<M extends Method, P extends PathOf<M>> =
  RequiredKeys<NonNullable<Options<M, P>>> extends never ? [options?: Options<M, P>] : [options: Options<M, P>];

// openapi-fetch's own generics, loosened inside the one function that calls it for every method
type LooseOptions = { body?: unknown; headers?: Record<string, string>; params?: object; bodySerializer?: (body: unknown) => unknown };
type LooseRequest = (
  method: Method,
  path: string,
  options: Omit<LooseOptions, 'headers'> & { headers: HeadersOptions },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * One call: a JSON body (or a Blob or string, sent raw), the bearer token, the caller's extra
 * headers; a 401 while signed in ends the session; a refusal is thrown as an ApiError.
 */
async function send(method: Method, path: string, { body, headers = {}, ...options }: LooseOptions = {}): Promise<unknown> {
  const raw = body instanceof Blob || typeof body === 'string';
  const request = client.request as unknown as LooseRequest;
  const { data, error, response } = await request(method, path, {
    ...options,
    body,
    // openapi-fetch gives a body application/json; a raw one keeps the type fetch gives it
    ...(raw ? { bodySerializer: (b: unknown) => b } : {}),
    headers: { ...(raw ? { 'content-type': null } : {}), ...bearer(), ...headers },
  });
  if (response.status === 401 && session.token) {
    session.token = null;
    onUnauthenticated();
  }
  if (!response.ok) throw problemOf(response.status, response.statusText, error);
  return data;
}

const caller =
  <M extends Method>(method: M) =>
  <P extends PathOf<M>>(path: P, ...[options]: OptionsParam<M, P>): Promise<Answer<M, P>> =>
    send(method, path, options as LooseOptions) as Promise<Answer<M, P>>;

/**
 * The API by method, as the document describes it:
 * `api.POST('/financings/{id}/accept', { params: { path: { id } }, body: {} })`.
 */
export const api = {
  GET: caller('get'),
  POST: caller('post'),
  PUT: caller('put'),
  DELETE: caller('delete'),
};

/** A path with its parameters filled in and its query, as openapi-fetch writes them. */
function urlOf(path: string, params: { path?: object; query?: object } = {}): string {
  return createFinalURL(path, {
    baseUrl: '',
    params: params as Record<string, Record<string, unknown>>,
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
}

type Params<M extends Method, P extends PathOf<M>> = NonNullable<MaybeOptionalInit<paths[P], M>>['params'];

/** Saves what a GET answers as a file: a plain link cannot carry the bearer token. */
export async function download<P extends PathOf<'get'>>(path: P, params: Params<'get', P>, filename: string): Promise<void> {
  const response = await fetch(urlOf(path, params), { headers: bearer() });
  if (!response.ok) throw problemOf(response.status, response.statusText, await response.json().catch(() => ({})));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}

/** Opens what a GET answers (a contract's PDF) in a new tab: a plain link cannot carry the bearer token. */
export async function openFile<P extends PathOf<'get'>>(path: P, params: Params<'get', P>): Promise<void> {
  const response = await fetch(urlOf(path, params), { headers: bearer() });
  if (!response.ok) throw problemOf(response.status, response.statusText, await response.json().catch(() => ({})));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.target = '_blank';
  link.rel = 'noopener';
  link.click();
  // the new tab has read it by then
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/**
 * Sends a file as the raw body with upload progress (fetch cannot report it): statement
 * imports and documents.
 */
export function upload<P extends PathOf<'post'>>(
  path: P,
  params: Params<'post', P>,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<Answer<'post', P>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', urlOf(path, params));
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'HTTP.NETWORK', 'network error'));
    xhr.onload = () => {
      const body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(problemOf(xhr.status, xhr.statusText, body)); // its detail too: a statement's line and reason
    };
    xhr.send(file);
  });
}
