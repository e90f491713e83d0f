import { ACCESS_LOG } from './logging.module';

describe('access log lines', () => {
  it('name a request by id, method and URL with secrets taken out, never its headers', () => {
    const req = { id: 7, method: 'POST', url: '/auth/login?password=hunter2', headers: { authorization: 'Bearer x', cookie: 'c' } };
    expect(ACCESS_LOG.req(req)).toEqual({ id: 7, method: 'POST', url: '/auth/login?password=%5Bredacted%5D' });
  });

  it('name a response by its status alone', () => {
    const res = { statusCode: 201, headers: { 'content-security-policy': "default-src 'self'", 'strict-transport-security': 'max-age=1' } };
    expect(ACCESS_LOG.res(res)).toEqual({ statusCode: 201 });
  });
});
