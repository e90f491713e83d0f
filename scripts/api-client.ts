/** A small fetch client for the seed and the tests: JSON in, JSON out, bearer token optional. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read the fields they assert on
type Answer = any;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async login(email: string, password: string): Promise<ApiClient> {
    const { accessToken } = await this.call<{ accessToken: string }>('POST', '/auth/login', { email, password });
    return this.as(accessToken);
  }

  /** Any status; for callers that look at refusals. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Answer }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Expects a 2xx and returns its body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response's type is the caller's to give
  async call<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const { status, body: answer } = await this.request(method, path, body, headers);
    if (status < 200 || status > 299) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(answer)}`);
    return answer as T;
  }
}
