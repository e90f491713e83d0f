import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app';
import { AppConfig } from '@caravan/config';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { PEOPLE, startApi, TestApi } from '../support/api';
import { isolatedConfig } from '../support/stack';

/**
 * The client's address that sign-in throttling counts: behind a proxy the API is told to trust
 * (TRUST_PROXY), the address the proxy names, so one guesser does not lock everyone out;
 * without it, the connection's own, so a client naming itself in X-Forwarded-For dodges nothing.
 */
describe('client addresses: X-Forwarded-For only from a trusted proxy', () => {
  let proxied: TestApi;
  let direct: INestApplication;
  const GUESSER = '203.0.113.7';
  const login = (app: INestApplication, email: string, password: string, forwardedFor: string) =>
    request(app.getHttpServer()).post('/auth/login').set('x-forwarded-for', forwardedFor).send({ email, password });
  const guess = (app: INestApplication, i: number, forwardedFor: string) =>
    login(app, `nobody-${i}@nowhere.example`, 'guess guess guess', forwardedFor);

  beforeAll(async () => {
    const config = Object.assign(await isolatedConfig('client_address'), { TRUST_PROXY: '1' });
    proxied = await startApi(config);
    // the same database, no proxy trusted: what a client reaching the API directly meets
    direct = await createApiApp(Object.assign(new AppConfig(), config, { TRUST_PROXY: undefined }));
    await direct.init();
  });

  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it('behind a trusted proxy, locks out the guesser the proxy names and nobody else', async () => {
    for (let i = 0; i < 20; i++) await guess(proxied.app, i, GUESSER).expect(401);
    expect((await login(proxied.app, PEOPLE.applicant, DEMO_PASSWORD, GUESSER).expect(429)).body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    await login(proxied.app, PEOPLE.applicant, DEMO_PASSWORD, '198.51.100.9').expect(200);
  });

  // last: it locks this test's own address (the connection's) out of signing in
  it('without one, ignores the address a client names: a new one per guess does not dodge the lock', async () => {
    for (let i = 0; i < 20; i++) await guess(direct, 100 + i, `192.0.2.${i + 1}`).expect(401);
    expect((await login(direct, PEOPLE.applicant, DEMO_PASSWORD, '192.0.2.200').expect(429)).body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
    // the trusted API still takes the connection's address only as the proxy's, not as the client's
    await login(proxied.app, PEOPLE.applicant, DEMO_PASSWORD, '198.51.100.10').expect(200);
  });
});
