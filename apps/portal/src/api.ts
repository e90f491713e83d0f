// The portal's only door to the API: bearer token, JSON in and out, problem+json as ApiError.

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

async function problemOf(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => ({}));
  return new ApiError(response.status, body.code ?? `HTTP.${response.status}`, body.detail ?? body.title ?? response.statusText, body.errors ?? []);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response's type is the caller's to give
export async function api<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const raw = body instanceof Blob || typeof body === 'string';
  const response = await fetch(path, {
    method,
    headers: {
      ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }),
      ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
  });
  if (response.status === 401 && session.token) {
    session.token = null;
    onUnauthenticated();
  }
  if (!response.ok) throw await problemOf(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Saves what a GET answers as a file: a plain link cannot carry the bearer token. */
export async function download(path: string, filename: string): Promise<void> {
  const response = await fetch(path, { headers: session.token ? { authorization: `Bearer ${session.token}` } : {} });
  if (!response.ok) throw await problemOf(response);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}

/**
 * Sends a file as the raw body with upload progress (fetch cannot report it): statement
 * imports and documents.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response's type is the caller's to give
export function upload<T = any>(path: string, file: Blob, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'HTTP.NETWORK', 'network error'));
    xhr.onload = () => {
      const body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body?.code ?? `HTTP.${xhr.status}`, body?.detail ?? body?.title ?? xhr.statusText, body?.errors ?? []));
    };
    xhr.send(file);
  });
}
