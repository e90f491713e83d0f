import { readFileSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';

export interface TlsTerminator {
  address: string;
  /** Connections that presented a client certificate the CA signed, and those refused. */
  counts: { authorised: number; refused: number };
  close(): Promise<void>;
}

/**
 * A mutual-TLS front for the run's Temporal dev server (which speaks only plaintext), as
 * Temporal's frontend with `requireClientAuth` behaves: the server's certificate from `dir`,
 * and only clients whose certificate the CA in `dir` signed get through.
 */
export async function startTlsTerminator(dir: string, upstream: string): Promise<TlsTerminator> {
  const [host, port] = upstream.split(':');
  const counts = { authorised: 0, refused: 0 };
  const server = createServer(
    {
      key: readFileSync(`${dir}/server.key`),
      cert: readFileSync(`${dir}/server.pem`),
      ca: readFileSync(`${dir}/ca.pem`),
      requestCert: true,
      rejectUnauthorized: true,
      ALPNProtocols: ['h2'],
    },
    (socket: TLSSocket) => {
      counts.authorised++;
      const backend = connect(Number(port), host);
      socket.pipe(backend).pipe(socket);
      const end = () => (socket.destroy(), backend.destroy());
      socket.on('error', end);
      backend.on('error', end);
    },
  );
  server.on('tlsClientError', () => counts.refused++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
