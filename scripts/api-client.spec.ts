import { once } from 'node:events';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from './api-client';

/** A server whose tokens stop working after one use, as an access token does after 15 minutes. */
function expiringServer(): { server: Server; logins: () => number } {
  let logins = 0;
  const valid = new Set<string>();
  const server = createServer((req, res) => {
    const answer = (status: number, body: object) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (req.url === '/auth/login') {
      const token = `t${++logins}`;
      valid.add(token);
      return answer(200, { accessToken: token });
    }
    const token = (req.headers.authorization ?? '').replace('Bearer ', '');
    if (!valid.delete(token)) return answer(401, { code: 'AUTH.UNAUTHENTICATED' });
    if (req.url === '/broken') return answer(500, { code: 'BROKEN', detail: 'what went wrong' });
    return answer(200, { ok: token });
  });
  return { server, logins: () => logins };
}

describe('ApiClient', () => {
  const { server, logins } = expiringServer();
  let baseUrl: string;

  beforeAll(async () => {
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it('signs in again when its token has expired, and asks once more', async () => {
    const client = await new ApiClient(baseUrl).login('someone@bank.example', 'secret');
    expect(await client.call('GET', '/runs/1')).toEqual({ ok: 't1' });
    expect(await client.call('GET', '/runs/1')).toEqual({ ok: 't2' });
    expect(client.token).toBe('t2');
    expect(logins()).toBe(2);
  });

  it('answers a 401 as it is when it never signed in, and names the failing request with its answer', async () => {
    expect(await new ApiClient(baseUrl, 'stale').request('GET', '/runs/1')).toEqual({
      status: 401,
      body: { code: 'AUTH.UNAUTHENTICATED' },
    });
    const client = await new ApiClient(baseUrl).login('someone@bank.example', 'secret');
    await expect(client.call('GET', '/broken')).rejects.toThrow('GET /broken: 500 {"code":"BROKEN","detail":"what went wrong"}');
  });
});
