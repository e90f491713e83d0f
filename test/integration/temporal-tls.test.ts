import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { AppConfig, loadConfig } from '@caravan/config';
import { temporalConnectionOptions } from '@caravan/temporal';
import { startApi, TestApi } from '../support/api';
import { confirmedReceivable, desk } from '../support/financing';
import { isolatedConfig } from '../support/stack';
import { STACK_ENV } from '../support/stack-env';
import { startTlsTerminator, TlsTerminator } from '../support/tls-terminator';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * Caravan talks to a Temporal that demands mutual TLS (docker-compose.yml's topology, or any
 * Temporal with TLS) through the TEMPORAL_TLS_* settings alone, with certificates made by
 * scripts/temporal-certs.sh; without a certificate its CA signed, nobody gets through.
 */
describe('Temporal over mutual TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'caravan-certs-'));
  const stranger = mkdtempSync(join(tmpdir(), 'caravan-stranger-'));
  let front: TlsTerminator;
  let config: AppConfig;
  let api: TestApi;
  let worker: WorkerProcess;

  const certs = (folder: string) =>
    execFileSync('bash', [resolve(__dirname, '../../scripts/temporal-certs.sh'), folder], { stdio: 'pipe' });
  const settings = (folder: string, overrides: Record<string, string> = {}) => ({
    TEMPORAL_ADDRESS: front.address,
    TEMPORAL_TLS_SERVER_NAME: 'temporal',
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: `${folder}/ca.pem`,
    TEMPORAL_TLS_CLIENT_CERT_PATH: `${folder}/client.pem`,
    TEMPORAL_TLS_CLIENT_KEY_PATH: `${folder}/client.key`,
    ...overrides,
  });
  const systemInfo = async (options: ReturnType<typeof temporalConnectionOptions>) => {
    const connection = await Connection.connect({ ...options, connectTimeout: 3000 });
    try {
      return await connection.workflowService.getSystemInfo({});
    } finally {
      await connection.close();
    }
  };

  beforeAll(async () => {
    certs(dir);
    certs(stranger); // another CA altogether
    front = await startTlsTerminator(dir, process.env[STACK_ENV.temporalAddress]!);
    const plain = await isolatedConfig('temporal_tls');
    config = loadConfig({ ...(plain as unknown as Record<string, string>), PORT: '0', ...settings(dir) });
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
    await front?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(stranger, { recursive: true, force: true });
  });

  it('runs the API and a worker process through it: a receivable confirmed by its workflow', async () => {
    const d = await desk(api);
    const id = await confirmedReceivable(api, d, '250000.00', 90);
    expect((await d.sme.get(`/receivables/${id}`).expect(200)).body.status).toBe('CONFIRMED');
    expect(front.counts.authorised).toBeGreaterThanOrEqual(2); // the API's client and the worker's
  });

  it('serves the worker’s native connection as well', async () => {
    const connection = await NativeConnection.connect(temporalConnectionOptions(config));
    try {
      expect(await connection.workflowService.getSystemInfo({})).toBeDefined();
    } finally {
      await connection.close();
    }
  });

  it('refuses a client without a certificate, or with one another CA signed', async () => {
    const refused = front.counts.refused;
    const noCertificate = settings(dir, { TEMPORAL_TLS_CLIENT_CERT_PATH: '', TEMPORAL_TLS_CLIENT_KEY_PATH: '' });
    await expect(systemInfo(temporalConnectionOptions(noCertificate))).rejects.toThrow();
    const foreign = settings(dir, {
      TEMPORAL_TLS_CLIENT_CERT_PATH: `${stranger}/client.pem`,
      TEMPORAL_TLS_CLIENT_KEY_PATH: `${stranger}/client.key`,
    });
    await expect(systemInfo(temporalConnectionOptions(foreign))).rejects.toThrow();
    expect(front.counts.refused).toBeGreaterThan(refused);
  });

  it('refuses a frontend whose certificate its CA did not sign, and one without TLS', async () => {
    await expect(
      systemInfo(temporalConnectionOptions(settings(dir, { TEMPORAL_TLS_SERVER_CA_CERT_PATH: `${stranger}/ca.pem` }))),
    ).rejects.toThrow();
    // a client that expects TLS does not fall back to plaintext on the dev server's own port
    await expect(
      systemInfo(temporalConnectionOptions(settings(dir, { TEMPORAL_ADDRESS: process.env[STACK_ENV.temporalAddress]! }))),
    ).rejects.toThrow();
  });
});
