import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { keyId, TokenKeys } from './access-token';

// Secrets kept in the database (second-factor seeds, banks' client secrets at their providers)
// are sealed (AES-256-GCM) under a key derived (HKDF) from the token secret, one key per
// purpose, so a copy of the database alone does not hand them out. The sealed form names its
// key: after a rotation, a seed still opens with the previous secret, and is sealed again
// under the new one the next time it is used.

export type Purpose = 'second-factor seed' | 'provider client secret';

const keyOf = (secret: string, purpose: Purpose) => Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `caravan ${purpose}`, 32));

export function seal(plain: string, keys: TokenKeys, purpose: Purpose = 'second-factor seed'): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(keys.current, purpose), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [keyId(keys.current), iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

/** The plain text, and whether it was sealed under an older key; undefined if no key opens it. */
export function open(
  sealed: string,
  keys: TokenKeys,
  purpose: Purpose = 'second-factor seed',
): { plain: string; stale: boolean } | undefined {
  const [kid, iv, body, tag] = sealed.split('.');
  const secret = [keys.current, ...(keys.previous ?? [])].find((s) => keyId(s) === kid);
  if (!secret || !iv || !body || !tag) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    return { plain, stale: secret !== keys.current };
  } catch {
    return undefined;
  }
}
