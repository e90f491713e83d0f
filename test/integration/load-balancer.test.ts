import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { freePort, onPathOrThrow } from '@caravan/devstack';
import { eventually } from '../support/stack';

/**
 * The cluster's haproxy config (scripts/cluster/haproxy.cfg) before a stand-in API that
 * records what reaches it: the client's X-Forwarded-For replaced by the address that
 * connected, never passed on, and readiness not served to the public.
 */
describe('load balancer: what haproxy passes on to the APIs', () => {
  let api: Server;
  let haproxy: ChildProcess;
  let base: string;
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    api = createServer((req, res) => {
      seen.push({ path: req.url ?? '', headers: req.headers });
      res.setHeader('content-type', 'application/json');
      res.end('{"status":"up"}');
    });
    api.listen(0, '127.0.0.1');
    await once(api, 'listening');
    const apiAddress = `127.0.0.1:${(api.address() as AddressInfo).port}`;
    base = `http://127.0.0.1:${await freePort()}`;
    const bin = onPathOrThrow('haproxy', 'haproxy is not installed: `sudo apt-get install haproxy`');
    haproxy = spawn(bin, ['-db', '-f', resolve(__dirname, '../../scripts/cluster/haproxy.cfg')], {
      env: { ...process.env, CARAVAN_LB_BIND: base.slice('http://'.length), CARAVAN_API_1: apiAddress, CARAVAN_API_2: apiAddress },
      stdio: 'ignore',
    });
    await eventually(
      () =>
        fetch(`${base}/health/live`).then(
          (r) => (r.ok ? true : undefined),
          () => undefined,
        ),
      'haproxy',
      15_000,
    );
  });

  afterAll(async () => {
    haproxy?.kill('SIGTERM');
    api?.close();
  });

  it("replaces a client's X-Forwarded-For with the address that connected", async () => {
    await fetch(`${base}/auth/me`, { headers: { 'x-forwarded-for': '198.51.100.9' } });
    await fetch(`${base}/auth/me`);
    const forwarded = seen.filter((s) => s.path === '/auth/me').map((s) => s.headers['x-forwarded-for']);
    expect(forwarded).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('refuses /health/ready from outside, while its own checks of the APIs ask it', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(403);
    // any spelling Express would route to it: its routes ignore case
    for (const path of ['/health/ready?x=1', '/health/ready/', '/HEALTH/Ready', '/health/%72eady'])
      expect((await fetch(`${base}${path}`)).status).toBe(403);
    expect((await fetch(`${base}/health`)).status).toBe(200);
    // the checks reach the API directly, every 500 ms
    await eventually(async () => (seen.some((s) => s.path === '/health/ready') ? true : undefined), 'a readiness check', 5_000);
  });
});
