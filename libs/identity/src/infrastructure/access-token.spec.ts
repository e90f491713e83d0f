import { SignJWT } from 'jose';
import { OrganisationKind, Role } from '@caravan/access';
import { issueAccessToken, keyId, verifyAccessToken } from './access-token';
import { hashPassword, verifyPassword } from './password-hasher';

const actor = {
  userId: 'u1',
  email: 'officer@bank.example',
  organisationId: 'o1',
  organisationKind: OrganisationKind.BANK,
  roles: [Role.CREDIT_OFFICER],
};
const secret = 's'.repeat(32);
const keys = { current: secret };

describe('access tokens', () => {
  it('round-trips the actor and the session version', async () => {
    expect(await verifyAccessToken(await issueAccessToken(actor, 3, keys, 900), keys, 900)).toEqual({
      actor,
      version: 3,
      methods: ['pwd'],
    });
    expect((await verifyAccessToken(await issueAccessToken(actor, 3, keys, 900, Date.now(), ['pwd', 'otp']), keys, 900))?.methods).toEqual([
      'pwd',
      'otp',
    ]);
  });

  it('refuses an expired token', async () => {
    const token = await issueAccessToken(actor, 0, keys, 60, Date.now() - 61_000);
    expect(await verifyAccessToken(token, keys, 900)).toBeUndefined();
  });

  it('refuses a token that would live longer than the lifetime allowed, whatever its exp says', async () => {
    const long = await issueAccessToken(actor, 0, keys, 100_000_000);
    expect(await verifyAccessToken(long, keys, 900)).toBeUndefined();
  });

  it('refuses a token signed with another secret, or an unknown key id', async () => {
    expect(await verifyAccessToken(await issueAccessToken(actor, 0, { current: 'x'.repeat(32) }, 900), keys, 900)).toBeUndefined();
    const unnamed = await new SignJWT({ ver: 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u1')
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(secret));
    expect(await verifyAccessToken(unnamed, keys, 900)).toBeUndefined();
  });

  it('verifies tokens of the previous key after a rotation, and signs with the new one', async () => {
    const old = await issueAccessToken(actor, 0, keys, 900);
    const rotated = { current: 'n'.repeat(32), previous: [secret] };
    expect((await verifyAccessToken(old, rotated, 900))?.actor).toEqual(actor);
    const fresh = await issueAccessToken(actor, 0, rotated, 900);
    expect(JSON.parse(Buffer.from(fresh.split('.')[0], 'base64url').toString()).kid).toBe(keyId('n'.repeat(32)));
    expect(await verifyAccessToken(old, { current: 'n'.repeat(32) }, 900)).toBeUndefined(); // once retired, no more
  });

  it('refuses a token whose claims were edited (roles raised), or another algorithm', async () => {
    const [h, , s] = (await issueAccessToken(actor, 0, keys, 900)).split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'u1', roles: ['ADMIN'], exp: 9e9 })).toString('base64url');
    expect(await verifyAccessToken(`${h}.${forged}.${s}`, keys, 900)).toBeUndefined();
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: keyId(secret) })).toString('base64url')}.${forged}.`;
    expect(await verifyAccessToken(none, keys, 900)).toBeUndefined();
  });

  it.each(['', 'a.b', 'a.b.c', 'not a token at all'])('refuses garbage %p', async (token) => {
    expect(await verifyAccessToken(token, keys, 900)).toBeUndefined();
  });
});

describe('password hashing (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('Correct horse battery staple', stored)).resolves.toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});
