import { ConfigError, loadConfig, trustedProxies } from './app-config';

const valid = {
  DATABASE_URL: 'postgres://u:p@localhost:5432/caravan',
  TEMPORAL_ADDRESS: 'localhost:7233',
  AUTH_TOKEN_SECRET: 'x'.repeat(32),
};

describe('loadConfig', () => {
  it('accepts a valid environment and fills defaults', () => {
    const config = loadConfig(valid);
    expect(config).toMatchObject({ TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'caravan', PORT: 3000 });
  });

  it('converts PORT from the environment string', () => {
    expect(loadConfig({ ...valid, PORT: '8080' }).PORT).toBe(8080);
  });

  it('names every missing or bad variable in one message', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('DATABASE_URL=<hidden> must be a postgres:// connection URL');
    expect(message).toContain('TEMPORAL_ADDRESS is required');
    expect(message).toContain('PORT');
    expect(message).toContain('AUTH_TOKEN_SECRET is required');
  });

  it('serves no metrics unless asked, never on the public port, on this machine by default', () => {
    expect(loadConfig(valid)).toMatchObject({ METRICS_HOST: '127.0.0.1' });
    expect(loadConfig(valid).METRICS_PORT).toBeUndefined();
    expect(loadConfig({ ...valid, METRICS_PORT: '9464', WORKER_METRICS_PORT: '9465' })).toMatchObject({
      METRICS_PORT: 9464,
      WORKER_METRICS_PORT: 9465,
    });
    expect(() => loadConfig({ ...valid, PORT: '3000', METRICS_PORT: '3000' })).toThrow(/METRICS_PORT=3000 must differ from PORT/);
    expect(() => loadConfig({ ...valid, WORKER_METRICS_PORT: 'ninety' })).toThrow(/WORKER_METRICS_PORT="ninety"/);
  });

  it('trusts no proxy unless told, then a hop count or the proxies addresses, never any client at all', () => {
    expect(trustedProxies(loadConfig(valid))).toBe(false);
    expect(trustedProxies(loadConfig({ ...valid, TRUST_PROXY: '1' }))).toBe(1);
    expect(trustedProxies(loadConfig({ ...valid, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8,192.0.2.7' }))).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::/8',
      '192.0.2.7',
    ]);
    for (const bad of ['true', '0', '11', '10.0.0.0/33', 'fd00::/129', '10.0.0/8', 'haproxy', '10.0.0.1,', '1.5'])
      expect(() => loadConfig({ ...valid, TRUST_PROXY: bad })).toThrow(/TRUST_PROXY=.* must be the number of proxies/);
  });

  it('refuses a short token secret', () => {
    expect(() => loadConfig({ ...valid, AUTH_TOKEN_SECRET: 'short' })).toThrow(/AUTH_TOKEN_SECRET=<hidden> must be at least 32 characters/);
  });

  it('holds a quote two business days after the trial by default, 0 to 30 when set', () => {
    expect(loadConfig(valid).FINANCING_QUOTE_VALID_DAYS).toBe(2);
    expect(loadConfig({ ...valid, FINANCING_QUOTE_VALID_DAYS: '0' }).FINANCING_QUOTE_VALID_DAYS).toBe(0);
    expect(() => loadConfig({ ...valid, FINANCING_QUOTE_VALID_DAYS: '31' })).toThrow(/FINANCING_QUOTE_VALID_DAYS/);
    expect(() => loadConfig({ ...valid, FINANCING_QUOTE_VALID_DAYS: 'two' })).toThrow(/FINANCING_QUOTE_VALID_DAYS/);
  });

  it('bounds the workflow thread’s heap, never below what the workflow cache needs', () => {
    expect(loadConfig(valid)).toMatchObject({ TEMPORAL_MAX_CACHED_WORKFLOWS: 50, TEMPORAL_WORKFLOW_HEAP_MIB: 192 });
    expect(() => loadConfig({ ...valid, TEMPORAL_MAX_CACHED_WORKFLOWS: '1000' })).toThrow(
      'TEMPORAL_WORKFLOW_HEAP_MIB=192 cannot hold TEMPORAL_MAX_CACHED_WORKFLOWS=1000: give it at least 1096',
    );
    expect(
      loadConfig({ ...valid, TEMPORAL_MAX_CACHED_WORKFLOWS: '1000', TEMPORAL_WORKFLOW_HEAP_MIB: '1096' }).TEMPORAL_WORKFLOW_HEAP_MIB,
    ).toBe(1096);
    expect(() => loadConfig({ ...valid, TEMPORAL_MAX_CACHED_WORKFLOWS: '0', TEMPORAL_WORKFLOW_HEAP_MIB: '64' })).toThrow(ConfigError);
  });

  it('treats an empty variable as missing', () => {
    expect(() => loadConfig({ ...valid, TEMPORAL_ADDRESS: '' })).toThrow(/TEMPORAL_ADDRESS is required/);
  });

  it('wants a client certificate and its key together, and hides an API key in a refusal', () => {
    expect(() => loadConfig({ ...valid, TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem' })).toThrow(
      /TEMPORAL_TLS_CLIENT_KEY_PATH is required \(must be set with TEMPORAL_TLS_CLIENT_CERT_PATH\)/,
    );
    expect(() => loadConfig({ ...valid, TEMPORAL_TLS_CLIENT_KEY_PATH: '/c.key' })).toThrow(/TEMPORAL_TLS_CLIENT_CERT_PATH is required/);
    expect(loadConfig({ ...valid, TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem', TEMPORAL_TLS_CLIENT_KEY_PATH: '/c.key' })).toMatchObject({
      TEMPORAL_TLS_CLIENT_CERT_PATH: '/c.pem',
    });
    expect(() => loadConfig({ ...valid, TEMPORAL_TLS: 'yes', TEMPORAL_API_KEY: 'k' })).toThrow(/TEMPORAL_TLS="yes"/);
  });
});
