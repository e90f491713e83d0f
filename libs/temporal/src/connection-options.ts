import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from '@caravan/config';

/** How every process of Caravan reaches Temporal: the client's and the worker's connection alike. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig | boolean;
  apiKey?: string;
}

type TlsSettings = Pick<
  AppConfig,
  | 'TEMPORAL_ADDRESS'
  | 'TEMPORAL_TLS'
  | 'TEMPORAL_TLS_SERVER_CA_CERT_PATH'
  | 'TEMPORAL_TLS_SERVER_NAME'
  | 'TEMPORAL_TLS_CLIENT_CERT_PATH'
  | 'TEMPORAL_TLS_CLIENT_KEY_PATH'
  | 'TEMPORAL_API_KEY'
>;

/**
 * The connection options the TEMPORAL_* settings describe. TLS is on when asked for or implied
 * (a CA, a client certificate, a server name or an API key) and off only when TEMPORAL_TLS=false;
 * files are read once, at boot, so a missing one stops the process with its name.
 */
export function temporalConnectionOptions(config: TlsSettings): TemporalConnectionOptions {
  const options: TemporalConnectionOptions = { address: config.TEMPORAL_ADDRESS };
  if (config.TEMPORAL_API_KEY) options.apiKey = config.TEMPORAL_API_KEY;
  const implied = Boolean(
    config.TEMPORAL_API_KEY ||
    config.TEMPORAL_TLS_SERVER_CA_CERT_PATH ||
    config.TEMPORAL_TLS_CLIENT_CERT_PATH ||
    config.TEMPORAL_TLS_SERVER_NAME,
  );
  if (config.TEMPORAL_TLS === 'false' || (!implied && config.TEMPORAL_TLS !== 'true')) return options;
  const tls: TLSConfig = {};
  if (config.TEMPORAL_TLS_SERVER_NAME) tls.serverNameOverride = config.TEMPORAL_TLS_SERVER_NAME;
  if (config.TEMPORAL_TLS_SERVER_CA_CERT_PATH)
    tls.serverRootCACertificate = pem('TEMPORAL_TLS_SERVER_CA_CERT_PATH', config.TEMPORAL_TLS_SERVER_CA_CERT_PATH);
  if (config.TEMPORAL_TLS_CLIENT_CERT_PATH && config.TEMPORAL_TLS_CLIENT_KEY_PATH) {
    tls.clientCertPair = {
      crt: pem('TEMPORAL_TLS_CLIENT_CERT_PATH', config.TEMPORAL_TLS_CLIENT_CERT_PATH),
      key: pem('TEMPORAL_TLS_CLIENT_KEY_PATH', config.TEMPORAL_TLS_CLIENT_KEY_PATH),
    };
  }
  options.tls = tls;
  return options;
}

function pem(setting: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${setting}=${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}
