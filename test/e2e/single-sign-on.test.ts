import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { zh } from '../../apps/portal/src/messages';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../../scripts/demo-data';
import { startApi, TestApi } from '../support/api';
import { launchBrowser } from '../support/browser';
import { PROVIDER_PASSWORD, startProvider, TestProvider } from '../support/oidc';
import { isolatedConfig } from '../support/stack';

/**
 * A bank officer signs in to the portal through the bank's own OpenID provider, in Chromium:
 * the login page offers the bank's sign-in, the provider's page takes the officer's account,
 * and the portal opens on the officer's desk with the roles the bank's groups hold.
 */
describe('the portal: signing in through one’s bank', () => {
  let api: TestApi;
  let browser: Browser;
  let provider: TestProvider;
  let portal: string;
  const refusedByPolicy: string[] = [];
  const bankName = DEMO_ORGANISATIONS.bank.name;

  beforeAll(async () => {
    const config = Object.assign(await isolatedConfig('portal_sso'), { AUTH_SECOND_FACTOR_ROLES: 'APPROVER,TREASURY' });
    api = await startApi(config);
    portal = `${await api.app.getUrl()}/portal/`;
    provider = await startProvider([portal], {
      'li.wei': {
        claims: { email: 'li.wei@bank-sso.example', email_verified: true, name: '李伟', groups: ['caravan-approvers'] },
        amr: ['pwd', 'otp'],
      },
      canteen: { claims: { email: 'canteen@bank-sso.example', email_verified: true, groups: ['canteen'] } },
    });
    const admin = await api.as(DEMO_ADMIN.email, DEMO_ADMIN.password);
    const operator = (await admin.get('/auth/me').expect(200)).body.organisationId;
    await admin
      .post(`/organisations/${operator}/users`)
      .send({ email: 'second.admin@caravan.example', displayName: 'Second admin', password: DEMO_PASSWORD, roles: ['ADMIN'] })
      .expect(201);
    const settings = {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUris: [portal],
      groups: [{ group: 'caravan-approvers', roles: ['APPROVER'], approvalAuthority: '5000000.00' }],
    };
    const request = (await admin.put(`/organisations/${api.parties.bank}/sso`).send(settings).expect(202)).body;
    await (await api.as('second.admin@caravan.example')).post(`/approval-requests/${request.id}/approve`).send({}).expect(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await provider?.stop();
    await api?.close();
    expect(refusedByPolicy).toEqual([]);
  });

  /** From the portal's login page through the bank's sign-in page, as the officer would. */
  async function throughTheBank(account: string): Promise<Page> {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    page.on('console', (message) => /Content Security Policy/.test(message.text()) && refusedByPolicy.push(message.text()));
    page.setDefaultTimeout(30_000);
    await page.goto(portal);
    const button = page.getByRole('button', { name: zh['login.sso.button'].replace('{bank}', bankName) });
    await button.waitFor();
    await page.screenshot({ path: resolve(__dirname, '../../test-results/screenshots/login-with-bank-sign-in.png'), fullPage: true });
    await button.click();
    await page.waitForURL((url) => url.href.startsWith(provider.issuer));
    await page.getByLabel('Account').fill(account);
    await page.getByLabel('Password').fill(PROVIDER_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.href.startsWith(portal));
    return page;
  }

  it('opens the approver’s desk, the provider’s answer taken off the address', async () => {
    const page = await throughTheBank('li.wei');
    await page.getByRole('button', { name: zh['nav.logout'] }).waitFor();
    await page.getByText(`李伟 · ${zh['role.APPROVER']}`).waitFor();
    expect(new URL(page.url()).search).toBe('');
    // no enrolment page: the bank's sign-in used a second factor
    expect(await page.getByRole('heading', { name: zh['secondFactor.title'] }).count()).toBe(0);
    await page.context().close();
  });

  it('tells someone the bank gave no role why they are not let in', async () => {
    const page = await throughTheBank('canteen');
    await page.getByRole('alert').filter({ hasText: zh['error.AUTH.SSO_NO_ROLE'] }).waitFor();
    expect(await page.getByRole('button', { name: zh['nav.logout'] }).count()).toBe(0);
    await page.context().close();
  });
});
