import { temporalConnectionOptions } from './connection-options';

describe('temporalConnectionOptions', () => {
  const address = { TEMPORAL_ADDRESS: 'temporal:7233' };

  it('is plaintext unless a TLS setting asks for more', () => {
    expect(temporalConnectionOptions(address)).toEqual({ address: 'temporal:7233' });
    expect(temporalConnectionOptions({ ...address, TEMPORAL_TLS: 'true' })).toEqual({ address: 'temporal:7233', tls: {} });
  });

  it('takes an API key (Temporal Cloud) as TLS with the system’s CAs', () => {
    expect(temporalConnectionOptions({ ...address, TEMPORAL_API_KEY: 'k' })).toEqual({ address: 'temporal:7233', apiKey: 'k', tls: {} });
  });

  it('lets TEMPORAL_TLS=false turn off what other settings imply', () => {
    expect(temporalConnectionOptions({ ...address, TEMPORAL_TLS: 'false', TEMPORAL_TLS_SERVER_NAME: 'temporal' })).toEqual({
      address: 'temporal:7233',
    });
  });

  it('names the setting whose file cannot be read', () => {
    expect(() => temporalConnectionOptions({ ...address, TEMPORAL_TLS_SERVER_CA_CERT_PATH: '/nowhere/ca.pem' })).toThrow(
      'TEMPORAL_TLS_SERVER_CA_CERT_PATH=/nowhere/ca.pem cannot be read: ENOENT',
    );
  });
});
