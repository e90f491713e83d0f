import { generateSync } from 'otplib';
import { OrganisationKind, Role } from '@caravan/access';
import { issueAccessToken } from '../../libs/identity/src/infrastructure/access-token';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../scripts/demo-data';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { isolatedConfig } from '../support/stack';

/**
 * Accounts over their life, and sign-in as a guesser meets it: throttled per account and per
 * address before any hash; deactivation, a new password and "sign out everywhere" end every
 * session within seconds; a reset by one-time code; tokens that claim a longer life refused.
 */
describe('accounts: lifecycle, revocation, throttled sign-in', () => {
  let api: TestApi;
  let admin: TokenAgent;
  let secret: string;
  const CHECK_SECONDS = 1;
  const settle = () => new Promise((r) => setTimeout(r, CHECK_SECONDS * 1000 + 300));
  const login = (email: string, password: string) => api.http().post('/auth/login').send({ email, password });
  const asToken = (token: string) => api.http().get('/auth/me').set('authorization', `Bearer ${token}`);

  /** A person of the demo SME of one's own, so tests do not sign each other out. */
  async function person(email: string, password = 'long enough to pass 2026'): Promise<{ id: string; token: string }> {
    const added = await admin
      .post(`/organisations/${api.parties.hami}/users`)
      .send({ email, displayName: email, password, roles: ['APPLICANT'] })
      .expect(201);
    return { id: added.body.id, token: (await login(email, password).expect(200)).body.accessToken };
  }

  beforeAll(async () => {
    const config = Object.assign(await isolatedConfig('accounts'), {
      AUTH_SESSION_CHECK_SECONDS: CHECK_SECONDS,
      AUTH_SECOND_FACTOR_ROLES: 'APPROVER,TREASURY',
    });
    secret = config.AUTH_TOKEN_SECRET;
    api = await startApi(config);
    admin = await api.as(DEMO_ADMIN.email, DEMO_ADMIN.password);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('slows a guesser: after five failures the account is refused before any hash, even the right password', async () => {
    const { id } = await person('guessed@hami-logistics.example');
    for (let i = 0; i < 5; i++) expect((await login('guessed@hami-logistics.example', `wrong guess ${i}`)).status).toBe(401);
    const started = Date.now();
    const refused = await login('guessed@hami-logistics.example', 'long enough to pass 2026').expect(429);
    expect(refused.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    expect(Date.now() - started).toBeLessThan(1000); // no 32 MiB hash for a refused account
    // someone else from the same address is not held up by it
    await login(PEOPLE.applicant, DEMO_PASSWORD).expect(200);
    // the wait passes; the right password then works and clears the count
    await new Promise((r) => setTimeout(r, 1200));
    await login('guessed@hami-logistics.example', 'long enough to pass 2026').expect(200);
    expect(await api.owner.query(`SELECT 1 FROM login_throttles WHERE key = 'account:guessed@hami-logistics.example'`)).toEqual([]);
    expect(id).toBeDefined();
  });

  it('ends every session of a deactivated person within seconds, and lets them back in once reactivated', async () => {
    const { id, token } = await person('leaving@hami-logistics.example');
    await asToken(token).expect(200);
    await admin.post(`/organisations/${api.parties.hami}/users/${id}/deactivate`).expect(200);
    await settle();
    await asToken(token).expect(401);
    await login('leaving@hami-logistics.example', 'long enough to pass 2026').expect(401);
    // another organisation's id does not reach them
    await admin.post(`/organisations/${api.parties.bank}/users/${id}/reactivate`).expect(404);
    await admin.post(`/organisations/${api.parties.hami}/users/${id}/reactivate`).expect(200);
    await asToken(token).expect(401); // the old token stays dead
    await login('leaving@hami-logistics.example', 'long enough to pass 2026').expect(200);
    await (await api.as(PEOPLE.applicant)).post(`/organisations/${api.parties.hami}/users/${id}/deactivate`).expect(403);
  });

  it('changes a password only with the current one, to a hard one, and signs out everywhere', async () => {
    const { token } = await person('changing@hami-logistics.example');
    const as = (t: string) => api.http().post('/auth/password').set('authorization', `Bearer ${t}`);
    expect(
      (await as(token).send({ currentPassword: 'not it at all', newPassword: 'Tianshan-coal-yard-47' }).expect(400)).body.errors[0].field,
    ).toBe('currentPassword');
    expect((await as(token).send({ currentPassword: 'long enough to pass 2026', newPassword: 'password1234' }).expect(400)).body.code).toBe(
      'IDENTITY.WEAK_PASSWORD',
    );
    await as(token).send({ currentPassword: 'long enough to pass 2026', newPassword: 'Tianshan-coal-yard-47' }).expect(204);
    await settle();
    await asToken(token).expect(401);
    await login('changing@hami-logistics.example', 'long enough to pass 2026').expect(401);
    await login('changing@hami-logistics.example', 'Tianshan-coal-yard-47').expect(200);
  });

  it('resets a password by a one-time code an admin hands over, never by a password in an answer', async () => {
    const { id, token } = await person('forgot@hami-logistics.example');
    const started = await admin.post(`/organisations/${api.parties.hami}/users/${id}/password-reset`).expect(201);
    expect(Object.keys(started.body).sort()).toEqual(['code', 'expiresAt']);
    const reset = (code: string) =>
      api.http().post('/auth/password-reset').send({ email: 'forgot@hami-logistics.example', code, newPassword: 'Kunlun-melon-train-88' });
    expect((await reset('not-the-code-at-all-0000').expect(400)).body.code).toBe('IDENTITY.RESET_REFUSED');
    await reset(started.body.code).expect(204);
    await reset(started.body.code).expect(400); // once only
    await settle();
    await asToken(token).expect(401);
    await login('forgot@hami-logistics.example', 'Kunlun-melon-train-88').expect(200);
    const [stored] = await api.owner.query('SELECT code_hash FROM password_resets WHERE user_id = $1', [id]);
    expect(stored.code_hash).not.toContain(started.body.code); // the code is not kept, its digest is
  });

  it('signs out everywhere on request', async () => {
    const { token } = await person('travelling@hami-logistics.example');
    const second = (await login('travelling@hami-logistics.example', 'long enough to pass 2026').expect(200)).body.accessToken;
    await api.http().post('/auth/sessions/revoke').set('authorization', `Bearer ${token}`).expect(204);
    await settle();
    await asToken(token).expect(401);
    await asToken(second).expect(401);
  });

  it('refuses a token claiming a longer life than tokens are given, however well signed', async () => {
    const [user] = await api.owner.query(`SELECT id, organisation_id, session_version FROM users WHERE email = $1`, [PEOPLE.applicant]);
    const actor = {
      userId: user.id,
      email: PEOPLE.applicant,
      organisationId: user.organisation_id,
      organisationKind: OrganisationKind.SME,
      roles: [Role.APPLICANT],
    };
    const forever = await issueAccessToken(actor, user.session_version, { current: secret }, 100_000_000);
    await asToken(forever).expect(401);
    await asToken(await issueAccessToken(actor, user.session_version, { current: secret }, 600)).expect(200);
  });

  it('refuses weak passwords for new people', async () => {
    const weak = await admin
      .post(`/organisations/${api.parties.hami}/users`)
      .send({ email: 'weak@hami-logistics.example', displayName: 'Weak', password: 'password1234', roles: ['APPLICANT'] })
      .expect(400);
    expect(weak.body).toMatchObject({ code: 'IDENTITY.WEAK_PASSWORD', errors: [{ field: 'password' }] });
  });

  it('has approvers sign in with a one-time code: enrolled first, each code taken once', async () => {
    const token = (await login(PEOPLE.approverA, DEMO_PASSWORD).expect(200)).body.accessToken;
    const as = (t: string) => ({
      get: (path: string) => api.http().get(path).set('authorization', `Bearer ${t}`),
      post: (path: string) => api.http().post(path).set('authorization', `Bearer ${t}`),
    });
    expect((await as(token).get('/financings').expect(403)).body.code).toBe('AUTH.SECOND_FACTOR_REQUIRED');
    expect((await as(token).get('/auth/me').expect(200)).body.secondFactor).toBe('REQUIRED');
    const { secret, uri } = (await as(token).post('/auth/second-factor').expect(201)).body;
    expect(uri).toMatch(/^otpauth:\/\/totp\/Caravan:/);
    expect((await as(token).post('/auth/second-factor/confirm').send({ code: '000000' }).expect(401)).body.code).toBe('AUTH.INVALID_OTP');
    await as(token)
      .post('/auth/second-factor/confirm')
      .send({ code: generateSync({ secret }) })
      .expect(204);
    await settle();
    await as(token).get('/auth/me').expect(401); // every earlier session ended
    expect((await login(PEOPLE.approverA, DEMO_PASSWORD).expect(401)).body).toMatchObject({
      code: 'AUTH.OTP_REQUIRED',
      errors: [{ field: 'otp' }],
    });
    const next = generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }); // the next step's code: the first was used
    expect(
      (await api.http().post('/auth/login').send({ email: PEOPLE.approverA, password: DEMO_PASSWORD, otp: '123456' }).expect(401)).body
        .code,
    ).toBe('AUTH.INVALID_OTP');
    const signedIn = (
      await api.http().post('/auth/login').send({ email: PEOPLE.approverA, password: DEMO_PASSWORD, otp: next }).expect(200)
    ).body.accessToken;
    await as(signedIn).get('/financings').expect(200);
    expect((await as(signedIn).get('/auth/me').expect(200)).body.secondFactor).toBe('ENABLED');
    await api.http().post('/auth/login').send({ email: PEOPLE.approverA, password: DEMO_PASSWORD, otp: next }).expect(401); // taken once
    const [stored] = await api.owner.query('SELECT totp_seed FROM users WHERE email = $1', [PEOPLE.approverA]);
    expect(stored.totp_seed).not.toContain(secret); // sealed
    // a lost phone: the operator's admin clears it, and the approver enrols again
    const [approver] = await api.owner.query('SELECT id FROM users WHERE email = $1', [PEOPLE.approverA]);
    await admin.post(`/organisations/${api.parties.bank}/users/${approver.id}/second-factor/reset`).expect(204);
    const again = (await login(PEOPLE.approverA, DEMO_PASSWORD).expect(200)).body.accessToken;
    expect((await as(again).get('/auth/me').expect(200)).body.secondFactor).toBe('REQUIRED');
  });

  it('lets anyone else add a second factor, without asking them to', async () => {
    const { token } = await person('careful@hami-logistics.example');
    expect((await api.http().get('/auth/me').set('authorization', `Bearer ${token}`).expect(200)).body.secondFactor).toBe('OPTIONAL');
    await api.http().get('/receivables').set('authorization', `Bearer ${token}`).expect(200);
  });

  // last: it holds up every sign-in from this test's address for a while
  it('slows a guesser trying many accounts from one address', async () => {
    // (earlier tests' failures from this address count too: the lock may come before the 20th)
    for (let i = 0; i < 20; i++) expect([401, 429]).toContain((await login(`nobody-${i}@nowhere.example`, 'guess guess guess')).status);
    expect((await login(PEOPLE.applicant, DEMO_PASSWORD).expect(429)).body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });
});
