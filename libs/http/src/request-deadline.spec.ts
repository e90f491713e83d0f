import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { enforceRequestDeadline } from './request-deadline';

/** What the server answers a body of `length` bytes sent a byte every `gapMs`, and after how long. */
function trickle(server: Server, length: number, gapMs: number): Promise<{ status: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    socket.write(`POST / HTTP/1.1\r\nhost: x\r\ncontent-length: ${length}\r\n\r\n`);
    const drip = setInterval(() => socket.writable && socket.write('a'), gapMs);
    socket.once(
      'data',
      (chunk) => (clearInterval(drip), socket.destroy(), resolve({ status: chunk.toString().split(' ')[1], ms: Date.now() - started })),
    );
  });
}

describe('enforceRequestDeadline', () => {
  let server: Server;
  beforeEach(async () => {
    server = createServer((req, res) => (req.resume(), req.on('end', () => res.end('taken'))));
    enforceRequestDeadline(server, 1);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterEach(() => new Promise((r) => server.close(r)));

  it('answers 408 to a body trickled past the deadline, at the deadline', async () => {
    const { status, ms } = await trickle(server, 100, 100);
    expect(status).toBe('408');
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(ms).toBeLessThan(4000);
  });

  it('leaves a body that arrives in time alone', async () => {
    expect((await trickle(server, 3, 100)).status).toBe('200');
  });
});
