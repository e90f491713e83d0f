import { OrganisationKind, Role } from '../domain/organisation';
import { issueAccessToken, verifyAccessToken } from './access-token';
import { hashPassword, verifyPassword } from './password-hasher';

const actor = {
  userId: 'u1',
  email: 'officer@bank.example',
  organisationId: 'o1',
  organisationKind: OrganisationKind.BANK,
  roles: [Role.CREDIT_OFFICER],
};
const secret = 's'.repeat(32);

describe('access tokens', () => {
  it('round-trips the actor', () => {
    expect(verifyAccessToken(issueAccessToken(actor, secret, 900), secret)).toEqual(actor);
  });

  it('refuses an expired token', () => {
    const token = issueAccessToken(actor, secret, 60, Date.now() - 61_000);
    expect(verifyAccessToken(token, secret)).toBeUndefined();
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyAccessToken(issueAccessToken(actor, 'x'.repeat(32), 900), secret)).toBeUndefined();
  });

  it('refuses a token whose claims were edited (roles raised)', () => {
    const [h, , s] = issueAccessToken(actor, secret, 900).split('.');
    const forged = Buffer.from(JSON.stringify({ ...actor, sub: 'u1', roles: ['ADMIN'], exp: 9e9 })).toString('base64url');
    expect(verifyAccessToken(`${h}.${forged}.${s}`, secret)).toBeUndefined();
  });

  it.each(['', 'a.b', 'a.b.c', 'not a token at all'])('refuses garbage %p', (token) => {
    expect(verifyAccessToken(token, secret)).toBeUndefined();
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
