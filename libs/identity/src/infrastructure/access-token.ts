import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../domain/actor';

// A compact JWT (HS256): short-lived, so roles in it are at most one TTL out of date.

interface Claims {
  sub: string;
  email: string;
  org: string;
  kind: Actor['organisationKind'];
  roles: Actor['roles'];
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

export function issueAccessToken(actor: Actor, secret: string, ttlSeconds: number, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: Claims = {
    sub: actor.userId,
    email: actor.email,
    org: actor.organisationId,
    kind: actor.organisationKind,
    roles: actor.roles,
    iat,
    exp: iat + ttlSeconds,
  };
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${body}.${sign(body, secret)}`;
}

/** The actor a token names, or undefined when it is malformed, forged or expired. */
export function verifyAccessToken(token: string, secret: string, now = Date.now()): Actor | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let claims: Claims;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Claims;
  } catch {
    return undefined;
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
  return { userId: claims.sub, email: claims.email, organisationId: claims.org, organisationKind: claims.kind, roles: claims.roles };
}
