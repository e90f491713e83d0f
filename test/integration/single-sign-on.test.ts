import { loadConfig } from '@caravan/config';
import { DEMO_ADMIN, DEMO_PASSWORD } from '../../scripts/demo-data';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { browseProvider, ProviderAccount, startProvider, TestProvider } from '../support/oidc';
import { isolatedConfig } from '../support/stack';
import { onboardRival, Rival } from '../support/two-banks';

/**
 * Banks sign their officers in through their own OpenID Connect provider (a real one, the
 * `oidc-provider` package, in a process of its own): two operator admins set each bank's
 * provider and what its groups may do; the provider says who someone is, never in another bank.
 */
describe('single sign-on through a bank’s own provider', () => {
  let api: TestApi;
  let admin: TokenAgent;
  let secondAdmin: TokenAgent;
  let rival: Rival;
  let bankIdp: TestProvider;
  let rivalIdp: TestProvider;
  let portal: string;

  const officer = (email: string, groups: string[], amr = ['pwd', 'otp']): ProviderAccount => ({
    claims: { email, email_verified: true, name: email.split('@')[0], groups },
    amr,
  });
  const bankPeople: Record<string, ProviderAccount> = {
    'li.wei': officer('li.wei@bank-sso.example', ['caravan-approvers']),
    'zhao.min': officer('zhao.min@bank-sso.example', ['caravan-credit'], ['pwd']),
    'no.mfa': officer('no.mfa@bank-sso.example', ['caravan-approvers'], ['pwd']),
    canteen: officer('canteen@bank-sso.example', ['canteen']),
    unverified: { claims: { email: 'unverified@bank-sso.example', email_verified: false, groups: ['caravan-credit'] } },
    'approver.a': officer(PEOPLE.approverA, ['caravan-approvers']),
  };
  const settings = (idp: TestProvider, groups: object[]) => ({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    redirectUris: [portal],
    groups,
  });

  /** Through the provider and back, as the portal does: the answer of POST /auth/sso/complete. */
  async function signIn(organisationId: string, account: string) {
    const { authorizationUrl } = (await api.http().post('/auth/sso/start').send({ organisationId, redirectUri: portal }).expect(200)).body;
    const callback = await browseProvider(authorizationUrl, portal, account);
    return api.http().post('/auth/sso/complete').send({ callback });
  }
  const as = (token: string) => ({ get: (path: string) => api.http().get(path).set('authorization', `Bearer ${token}`) });

  /** Two operator admins: one proposes, the other approves. */
  async function configure(organisationId: string, body: object) {
    const request = (await admin.put(`/organisations/${organisationId}/sso`).send(body).expect(202)).body;
    await secondAdmin.post(`/approval-requests/${request.id}/approve`).send({}).expect(200);
    return request;
  }

  beforeAll(async () => {
    const config = await isolatedConfig('single_sign_on');
    // approvers must have a second factor here: the bank's provider has to vouch for one
    api = await startApi(loadConfig({ ...(config as unknown as Record<string, string>), AUTH_SECOND_FACTOR_ROLES: 'APPROVER,TREASURY' }));
    portal = `${await api.app.getUrl()}/portal/`.replace('[::1]', '127.0.0.1');
    admin = await api.as(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const operator = (await admin.get('/auth/me').expect(200)).body.organisationId;
    await admin
      .post(`/organisations/${operator}/users`)
      .send({ email: 'second.admin@caravan.example', displayName: 'Second admin', password: DEMO_PASSWORD, roles: ['ADMIN'] })
      .expect(201);
    secondAdmin = await api.as('second.admin@caravan.example');
    rival = await onboardRival(api);
    bankIdp = await startProvider([portal], bankPeople);
    rivalIdp = await startProvider([portal], {
      mallory: officer(PEOPLE.approverA, ['rival-approvers']), // the first bank's officer's e-mail
      'li.wei': officer('li.wei@rival-sso.example', ['rival-credit']), // the same subject as the first bank's Li Wei
    });
  });

  afterAll(async () => {
    await bankIdp?.stop();
    await rivalIdp?.stop();
    await api?.close();
  });

  it('takes two operator admins to set a bank’s provider, and never shows its client secret again', async () => {
    const body = settings(bankIdp, [
      { group: 'caravan-approvers', roles: ['APPROVER'], approvalAuthority: '5000000.00' },
      { group: 'caravan-credit', roles: ['CREDIT_OFFICER'] },
    ]);
    await (await api.as(PEOPLE.creditOfficer)).put(`/organisations/${api.parties.bank}/sso`).send(body).expect(403);
    await admin
      .put(`/organisations/${api.parties.bank}/sso`)
      .send({ ...body, groups: [{ group: 'x', roles: ['APPLICANT'] }] })
      .expect(400);
    await admin.put(`/organisations/${api.parties.hami}/sso`).send(body).expect(400); // not a bank
    await admin
      .put(`/organisations/${api.parties.bank}/sso`)
      .send({ ...body, issuer: 'http://idp.bank.example' })
      .expect(400); // plain http, not loopback
    const request = (await admin.put(`/organisations/${api.parties.bank}/sso`).send(body).expect(202)).body;
    expect(JSON.stringify(request)).not.toContain(bankIdp.clientSecret);
    await admin.post(`/approval-requests/${request.id}/approve`).send({}).expect(403); // one's own request
    await (await api.as(PEOPLE.creditOfficer)).post(`/approval-requests/${request.id}/approve`).send({}).expect(404); // the bank's own people do not decide it
    await api.http().post('/auth/sso/start').send({ organisationId: api.parties.bank, redirectUri: portal }).expect(404); // not in force yet
    await secondAdmin.post(`/approval-requests/${request.id}/approve`).send({}).expect(200);
    const shown = (await admin.get(`/organisations/${api.parties.bank}/sso`).expect(200)).body;
    expect(shown).toMatchObject({ issuer: bankIdp.issuer, version: 1, hasClientSecret: true });
    expect(JSON.stringify(shown)).not.toContain(bankIdp.clientSecret);
    const [{ client_secret: stored }] = await api.owner.query('SELECT client_secret FROM organisation_sso WHERE organisation_id = $1', [
      api.parties.bank,
    ]);
    expect(stored).not.toContain(bankIdp.clientSecret);
    expect((await api.http().get('/auth/sso/providers').expect(200)).body).toEqual([
      { organisationId: api.parties.bank, name: expect.any(String) },
    ]);
  });

  it('signs an officer in with the roles their groups hold, the provider’s second factor counting as one', async () => {
    const answer = await signIn(api.parties.bank, 'li.wei');
    expect(answer.status).toBe(200);
    const me = (await as(answer.body.accessToken).get('/auth/me').expect(200)).body;
    expect(me).toMatchObject({
      email: 'li.wei@bank-sso.example',
      organisationId: api.parties.bank,
      roles: ['APPROVER'],
      approvalAuthority: '5000000.00',
    });
    await as(answer.body.accessToken).get('/financings').expect(200); // an approver, and the provider said two factors
    const [created] = await api.owner.query(`SELECT actor_label AS actor FROM audit_events WHERE action = 'user.add' AND entity_id = $1`, [
      me.id,
    ]);
    expect(created.actor).toBe('system:single-sign-on');
    // a person who signs in through the bank has no password here
    await api.http().post('/auth/login').send({ email: 'li.wei@bank-sso.example', password: DEMO_PASSWORD }).expect(401);
  });

  it('refuses an approver whose sign-in at the bank used a password alone', async () => {
    expect((await signIn(api.parties.bank, 'no.mfa')).body).toMatchObject({ status: 403, code: 'AUTH.SSO_MFA_REQUIRED' });
    expect((await signIn(api.parties.bank, 'zhao.min')).status).toBe(200); // a credit officer needs none
  });

  it('refuses someone none of whose groups holds a role, an unverified e-mail, a state used twice and an unregistered address', async () => {
    expect((await signIn(api.parties.bank, 'canteen')).body).toMatchObject({ status: 403, code: 'AUTH.SSO_NO_ROLE' });
    expect((await signIn(api.parties.bank, 'unverified')).body).toMatchObject({ code: 'AUTH.SSO_EMAIL_UNVERIFIED' });
    expect(await api.owner.query(`SELECT 1 FROM users WHERE email IN ('canteen@bank-sso.example', 'unverified@bank-sso.example')`)).toEqual(
      [],
    );
    const { authorizationUrl } = (
      await api.http().post('/auth/sso/start').send({ organisationId: api.parties.bank, redirectUri: portal }).expect(200)
    ).body;
    const callback = await browseProvider(authorizationUrl, portal, 'zhao.min');
    await api.http().post('/auth/sso/complete').send({ callback }).expect(200);
    expect((await api.http().post('/auth/sso/complete').send({ callback }).expect(401)).body.code).toBe('AUTH.SSO_FAILED');
    await api.http().post('/auth/sso/complete').send({ callback: '?code=forged&state=nobody' }).expect(401);
    const elsewhere = await api
      .http()
      .post('/auth/sso/start')
      .send({ organisationId: api.parties.bank, redirectUri: 'https://attacker.example/portal/' });
    expect(elsewhere.body).toMatchObject({ status: 400, code: 'AUTH.SSO_REDIRECT_NOT_REGISTERED' });
  });

  it('follows the bank’s groups: a group taken away ends the sessions issued under it', async () => {
    const before = (await signIn(api.parties.bank, 'zhao.min')).body.accessToken;
    await as(before).get('/financings').expect(200);
    bankIdp.setAccounts({ ...bankPeople, 'zhao.min': officer('zhao.min@bank-sso.example', ['caravan-credit', 'caravan-approvers']) });
    const after = (await signIn(api.parties.bank, 'zhao.min')).body.accessToken;
    expect((await as(after).get('/auth/me').expect(200)).body.roles).toEqual(['APPROVER', 'CREDIT_OFFICER']);
    await new Promise((r) => setTimeout(r, 5500)); // the session check's interval
    await as(before).get('/financings').expect(401);
    bankIdp.setAccounts({ ...bankPeople, 'zhao.min': officer('zhao.min@bank-sso.example', ['canteen']) });
    expect((await signIn(api.parties.bank, 'zhao.min')).body.code).toBe('AUTH.SSO_NO_ROLE');
    bankIdp.setAccounts(bankPeople);
  });

  it('links the bank’s own officer of the same e-mail, whose password then stops working, and keeps a deactivated one out', async () => {
    const byPassword = (await api.http().post('/auth/login').send({ email: PEOPLE.approverA, password: DEMO_PASSWORD }).expect(200)).body
      .accessToken;
    const linked = await signIn(api.parties.bank, 'approver.a');
    expect(linked.status).toBe(200);
    const me = (await as(linked.body.accessToken).get('/auth/me').expect(200)).body;
    expect(me.email).toBe(PEOPLE.approverA);
    await api.http().post('/auth/login').send({ email: PEOPLE.approverA, password: DEMO_PASSWORD }).expect(401);
    await new Promise((r) => setTimeout(r, 5500)); // the session check's interval
    await as(byPassword).get('/auth/me').expect(401); // what the password opened is closed
    await admin.post(`/organisations/${api.parties.bank}/users/${me.id}/password-reset`).expect(409); // no password to reset
    await admin.post(`/organisations/${api.parties.bank}/users/${me.id}/deactivate`).expect(200);
    expect((await signIn(api.parties.bank, 'approver.a')).status).toBe(401);
    await admin.post(`/organisations/${api.parties.bank}/users/${me.id}/reactivate`).expect(200);
  });

  it('never signs anyone into another bank: Rival’s provider asserting the first bank’s officer gets nothing of theirs', async () => {
    await configure(
      rival.bankId,
      settings(rivalIdp, [
        { group: 'rival-approvers', roles: ['APPROVER'] },
        { group: 'rival-credit', roles: ['CREDIT_OFFICER'] },
      ]),
    );
    const before = await api.owner.query(
      'SELECT id, organisation_id, roles, sso_issuer, sso_subject, session_version FROM users ORDER BY id',
    );
    // the first bank's officer's e-mail, from another bank's provider: refused, nothing changed
    expect((await signIn(rival.bankId, 'mallory')).body).toMatchObject({ status: 409, code: 'AUTH.SSO_EMAIL_TAKEN' });
    expect(
      await api.owner.query('SELECT id, organisation_id, roles, sso_issuer, sso_subject, session_version FROM users ORDER BY id'),
    ).toEqual(before);
    // the same subject as the first bank's Li Wei, at Rival's provider: a person of Rival's own
    const rivalLi = await signIn(rival.bankId, 'li.wei');
    const me = (await as(rivalLi.body.accessToken).get('/auth/me').expect(200)).body;
    expect(me).toMatchObject({ organisationId: rival.bankId, email: 'li.wei@rival-sso.example', roles: ['CREDIT_OFFICER'] });
    const [firstLi] = await api.owner.query(`SELECT organisation_id FROM users WHERE email = 'li.wei@bank-sso.example'`);
    expect(firstLi.organisation_id).toBe(api.parties.bank);
    // a sign-in begun for one bank cannot be finished with another bank's provider's answer
    const { authorizationUrl } = (
      await api.http().post('/auth/sso/start').send({ organisationId: api.parties.bank, redirectUri: portal }).expect(200)
    ).body;
    const state = new URL(authorizationUrl).searchParams.get('state');
    const { authorizationUrl: rivalUrl } = (
      await api.http().post('/auth/sso/start').send({ organisationId: rival.bankId, redirectUri: portal }).expect(200)
    ).body;
    const rivalAnswer = new URLSearchParams((await browseProvider(rivalUrl, portal, 'li.wei')).slice(1));
    rivalAnswer.set('state', state!);
    await api
      .http()
      .post('/auth/sso/complete')
      .send({ callback: `?${rivalAnswer}` })
      .expect(401);
  });
});
