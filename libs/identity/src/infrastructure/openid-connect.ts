import * as oidc from 'openid-client';

// Caravan as an OpenID Connect relying party, by `openid-client` (certified by the OpenID
// Foundation): discovery, the authorization code flow with PKCE, state and nonce, and the ID
// token's signature, issuer, audience and lifetime checked. Plain http only for a provider on
// this machine's loopback (tests, a developer's own provider); the settings refuse it elsewhere.

export interface ProviderRegistration {
  issuer: string;
  clientId: string;
  /** null: a public client, PKCE alone. */
  clientSecret: string | null;
}

export interface FlowChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What the provider states about the person, after every check. */
export interface ProvidedIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[];
  /** How they signed in at the provider (RFC 8176), when it says. */
  amr: unknown;
}

const DISCOVERY_TTL_MS = 10 * 60_000;
const TIMEOUT_SECONDS = 10;
const configurations = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();

function configurationOf(provider: ProviderRegistration): Promise<oidc.Configuration> {
  const key = JSON.stringify(provider);
  const known = configurations.get(key);
  if (known && Date.now() - known.at < DISCOVERY_TTL_MS) return known.config;
  const issuer = new URL(provider.issuer);
  const config = oidc.discovery(
    issuer,
    provider.clientId,
    provider.clientSecret ?? undefined,
    provider.clientSecret ? undefined : oidc.None(),
    {
      timeout: TIMEOUT_SECONDS,
      execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    },
  );
  config.catch(() => configurations.delete(key)); // a provider down now is asked again next time
  configurations.set(key, { at: Date.now(), config });
  return config;
}

export function newFlowChecks(): FlowChecks {
  return { state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() };
}

/** Where to send the browser: the provider's sign-in, bound to these checks. */
export async function authorizationUrl(
  provider: ProviderRegistration,
  redirectUri: string,
  scope: string,
  checks: FlowChecks,
): Promise<string> {
  const config = await configurationOf(provider);
  const challenge = await oidc.calculatePKCECodeChallenge(checks.codeVerifier);
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    state: checks.state,
    nonce: checks.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).href;
}

/**
 * The code the browser brought back, exchanged for the person's identity; what the ID token
 * lacks (groups, e-mail) is read from the provider's user info, for the same subject.
 */
export async function exchangeCode(
  provider: ProviderRegistration,
  callback: URL,
  checks: FlowChecks,
  groupsClaim: string,
): Promise<ProvidedIdentity> {
  const config = await configurationOf(provider);
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const token = tokens.claims()!;
  const info =
    token[groupsClaim] === undefined || token.email === undefined ? await oidc.fetchUserInfo(config, tokens.access_token, token.sub) : {};
  const claims: Record<string, unknown> = { ...info, ...token };
  const groups = claims[groupsClaim];
  return {
    subject: token.sub,
    email: typeof claims.email === 'string' ? claims.email.toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === 'string' ? claims.name : null,
    groups: Array.isArray(groups) ? groups.map(String) : typeof groups === 'string' ? [groups] : [],
    amr: token.amr,
  };
}
