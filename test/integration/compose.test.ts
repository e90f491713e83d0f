import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * docker-compose.yml cannot run here (no Docker engine): it is checked against the Compose
 * specification (check-jsonschema, which .ci/run installs) and for the roles it must use.
 */
const root = resolve(__dirname, '../..');
const compose = readFileSync(resolve(root, 'docker-compose.yml'), 'utf8');
const checker = process.env.CHECK_JSONSCHEMA ?? resolve(root, '.tools/ci-venv/bin/check-jsonschema');

/** Each service's block of the file: from its name to the next service. */
const SERVICE = /\n {2}(\w[\w-]*):\n([\s\S]*?)(?=\n {2}\w[\w-]*:\n|\nvolumes:)/g;
const blocks = Object.fromEntries([...compose.matchAll(SERVICE)].map((m) => [m[1], m[2]]));

describe('docker-compose.yml', () => {
  (existsSync(checker) ? it : it.skip)('follows the Compose specification', () => {
    const result = spawnSync(checker, ['--builtin-schema', 'vendor.compose-spec', resolve(root, 'docker-compose.yml')], {
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toContain('ok -- validation done');
    expect(result.status).toBe(0);
  });

  it('has no fallback for a secret: the deployer sets each, or it does not start', () => {
    for (const secret of [
      'AUTH_TOKEN_SECRET',
      'BOOTSTRAP_ADMIN_PASSWORD',
      'BOOTSTRAP_ADMIN_EMAIL',
      'CARAVAN_OWNER_PASSWORD',
      'CARAVAN_APP_PASSWORD',
    ]) {
      expect(compose).toContain(`\${${secret}:?`);
      expect(compose).not.toContain(`\${${secret}:-`);
    }
  });

  it('publishes the API only; Temporal is reached on the compose network, its UI only when asked for and on the host’s loopback', () => {
    const published = [...compose.matchAll(/^\s+- "([\d.]*:?\d+:\d+)"$/gm)].map((m) => m[1]);
    expect(published).toEqual(['127.0.0.1:8080:8080', '3000:3000']);
    expect(blocks.temporal).not.toContain('ports:');
    expect(blocks['temporal-ui']).toContain('profiles: ["ops"]');
    expect(blocks.api).toContain('HOST: 0.0.0.0');
  });

  it('talks to Temporal over mutual TLS with the files scripts/temporal-certs.sh makes, the CA’s key mounted nowhere', () => {
    expect(blocks.temporal).toContain('TEMPORAL_TLS_REQUIRE_CLIENT_AUTH: "true"');
    expect(blocks.temporal).toContain('TEMPORAL_TLS_CLIENT1_CA_CERT: /etc/temporal/certs/ca.pem');
    for (const app of ['api', 'worker', 'temporal-ui'])
      expect(blocks[app]).toMatch(/volumes: \*temporal-client-certs|volumes: &temporal-client-certs/);
    for (const setting of [
      'TEMPORAL_TLS_SERVER_CA_CERT_PATH',
      'TEMPORAL_TLS_CLIENT_CERT_PATH',
      'TEMPORAL_TLS_CLIENT_KEY_PATH',
      'TEMPORAL_TLS_SERVER_NAME',
    ])
      expect(blocks.api).toContain(`${setting}: `);
    const script = readFileSync(resolve(root, 'scripts/temporal-certs.sh'), 'utf8');
    const mounted = [...compose.matchAll(/- \.\/certs\/temporal\/([\w.]+):/g)].map((m) => m[1]);
    expect(new Set(mounted)).toEqual(new Set(['ca.pem', 'server.pem', 'server.key', 'client.pem', 'client.key']));
    for (const file of mounted) expect(script).toContain(file.replace(/\.(pem|key)$/, ''));
    expect(compose).not.toContain('ca.key');
  });

  it('runs the Temporal server from the config file npm run start:cluster uses, two APIs behind its haproxy config and two workers', () => {
    expect(blocks.temporal).toContain('- ./scripts/cluster/temporal:/etc/caravan/temporal:ro');
    expect(blocks.temporal).toContain('--root /etc/caravan/temporal --config . --env caravan');
    expect(readFileSync(resolve(root, 'scripts/cluster/temporal/caravan.yaml'), 'utf8')).toMatch(/^# enable-template/);
    expect(blocks['temporal-schema']).toContain('update-schema --schema-name postgresql/v12/temporal');
    expect(blocks.temporal).toMatch(/temporal-schema:\s+condition: service_completed_successfully/);
    for (const app of ['api', 'worker']) expect(blocks[app]).toMatch(/deploy:\s+replicas: 2/);
    expect(blocks.haproxy).toContain('- ./scripts/cluster/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro');
    expect(blocks.haproxy).toMatch(/api:\s+condition: service_healthy/);
  });

  it('migrates as the owner once, then runs the API and the worker as the least-privileged role', () => {
    expect(blocks.migrate).toMatch(/DATABASE_MIGRATION_URL: postgres:\/\/caravan_owner:/);
    expect(blocks.api).toMatch(/DATABASE_URL: postgres:\/\/caravan_app:/);
    expect(blocks.worker).toContain('*caravan-env');
    for (const app of ['api', 'worker']) {
      expect(blocks[app]).toMatch(/migrate:\s+condition: service_completed_successfully/);
      expect(blocks[app]).not.toContain('caravan_owner');
    }
    const roles = readFileSync(resolve(root, 'scripts/postgres/create-roles.sh'), 'utf8');
    expect(roles).toMatch(/CREATE ROLE caravan_owner LOGIN NOSUPERUSER NOBYPASSRLS/);
    expect(roles).toMatch(/CREATE ROLE caravan_app LOGIN NOSUPERUSER NOBYPASSRLS/);
    expect(roles).toContain('CREATE DATABASE caravan OWNER caravan_owner');
  });
});
