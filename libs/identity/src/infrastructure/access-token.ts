import { createHash } from 'node:crypto';
import { errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { Actor } from '@caravan/access';
import type { Method } from '../domain/second-factor';

// Access tokens are JWTs (HS256) signed and checked by `jose`. Each names its key (`kid`), so
// a new secret can take over while tokens signed with the previous one still verify; each
// names the person's session version (`ver`), which a revocation raises.

const ISSUER = 'caravan';
const AUDIENCE = 'caravan-api';

export interface TokenKeys {
  /** Signs new tokens, and verifies them. */
  current: string;
  /** Verify tokens until they expire: the secrets a rotation replaced. */
  previous?: string[];
}

export interface VerifiedToken {
  actor: Actor;
  /** The session version the token was issued under. */
  version: number;
  /** How the person signed in: a password, and a one-time code. */
  methods: Method[];
}

/** A secret's key id: a digest prefix, so the header names the key without revealing it. */
export function keyId(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url').slice(0, 12);
}

const bytes = (secret: string) => new TextEncoder().encode(secret);

export function issueAccessToken(
  actor: Actor,
  version: number,
  keys: TokenKeys,
  ttlSeconds: number,
  now = Date.now(),
  methods: Method[] = ['pwd'],
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({
    email: actor.email,
    org: actor.organisationId,
    kind: actor.organisationKind,
    roles: actor.roles,
    ver: version,
    amr: methods,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: keyId(keys.current) })
    .setSubject(actor.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(bytes(keys.current));
}

/**
 * The actor a token names, or undefined when it is malformed, forged, expired, signed with an
 * unknown key, or lives longer than `maxLifetimeSeconds` whatever its `exp` says.
 */
export async function verifyAccessToken(
  token: string,
  keys: TokenKeys,
  maxLifetimeSeconds: number,
  now = Date.now(),
): Promise<VerifiedToken | undefined> {
  const byId = new Map([keys.current, ...(keys.previous ?? [])].map((secret) => [keyId(secret), bytes(secret)]));
  try {
    const { payload } = await jwtVerify(token, (header) => byId.get(header.kid ?? '') ?? Promise.reject(new errors.JWKSNoMatchingKey()), {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp'],
      maxTokenAge: maxLifetimeSeconds,
      currentDate: new Date(now),
    });
    if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number' || payload.exp - payload.iat > maxLifetimeSeconds)
      return undefined;
    return toVerified(payload);
  } catch {
    return undefined;
  }
}

function toVerified(payload: JWTPayload): VerifiedToken | undefined {
  const { sub, email, org, kind, roles, ver, amr } = payload as JWTPayload & {
    email: string;
    org: string;
    kind: Actor['organisationKind'];
    roles: Actor['roles'];
    ver: number;
    amr?: Method[];
  };
  if (!sub || typeof email !== 'string' || typeof org !== 'string' || !Array.isArray(roles) || typeof ver !== 'number') return undefined;
  return {
    actor: { userId: sub, email, organisationId: org, organisationKind: kind, roles },
    version: ver,
    methods: Array.isArray(amr) ? amr : ['pwd'],
  };
}
