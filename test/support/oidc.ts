import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface ProviderAccount {
  claims: { email?: string; email_verified?: boolean; name?: string; groups?: string[] };
  /** The methods the provider reports (RFC 8176); a password alone when absent. */
  amr?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Changes what the provider says of its people from now on. */
  setAccounts(accounts: Record<string, ProviderAccount>): void;
  stop(): Promise<void>;
}

export const PROVIDER_PASSWORD = 'correct horse';

/** A real OpenID provider (test/support/oidc-provider.mjs) with one confidential client for Caravan. */
export async function startProvider(redirectUris: string[], accounts: Record<string, ProviderAccount>): Promise<TestProvider> {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-oidc-'));
  const file = join(dir, 'accounts.json');
  const setAccounts = (next: Record<string, ProviderAccount>) => writeFileSync(file, JSON.stringify(next));
  setAccounts(accounts);
  const client = { client_id: 'caravan', client_secret: `secret-${Math.random().toString(36).slice(2)}`, redirect_uris: redirectUris };
  const child: ChildProcess = spawn(process.execPath, [resolve(__dirname, 'oidc-provider.mjs')], {
    env: { ...process.env, OIDC_ACCOUNTS_FILE: file, OIDC_CLIENTS: JSON.stringify([client]) },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const [line] = await Promise.race([
    lines.next().then((r) => [r.value as string]),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the provider exited with ${code}`)))),
  ]);
  return {
    issuer: JSON.parse(line).issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    setAccounts,
    stop: async () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What a browser does between Caravan's `authorizationUrl` and its way back: follows the
 * provider's redirects with its cookies, fills in its sign-in form, and stops at the first
 * address under `redirectUri`, whose query string it returns.
 */
export async function browseProvider(
  authorizationUrl: string,
  redirectUri: string,
  account: string,
  password = PROVIDER_PASSWORD,
): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let form: URLSearchParams | undefined;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url).search;
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      body: form,
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      form = undefined;
      continue;
    }
    const page = await response.text();
    if (!page.includes('<form') || form) throw new Error(`the provider answered ${response.status}: ${page.slice(0, 300)}`);
    form = new URLSearchParams({ login: account, password });
  }
  throw new Error('too many redirects at the provider');
}
