/** A small fetch client for the seed and the tests: JSON in, JSON out, bearer token optional. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read the fields they assert on
type Answer = any;

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    /** Renewed by signing in again when the client knows the credentials (see `request`). */
    public token?: string,
    private readonly credentials?: { email: string; password: string },
  ) {}

  as(token: string): ApiClient {
    return new ApiClient(this.baseUrl, token);
  }

  async login(email: string, password: string): Promise<ApiClient> {
    const { accessToken } = await this.call<{ accessToken: string }>('POST', '/auth/login', { email, password });
    return new ApiClient(this.baseUrl, accessToken, { email, password });
  }

  /**
   * Any status; for callers that look at refusals. An access token lives 15 minutes: a client
   * that signed in (a bench running for an hour) signs in again on a 401 and asks once more.
   */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: Answer }> {
    const answer = await this.send(method, path, body, headers);
    if (answer.status !== 401 || !this.credentials) return answer;
    this.token = (await new ApiClient(this.baseUrl).login(this.credentials.email, this.credentials.password)).token;
    return this.send(method, path, body, headers);
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
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
