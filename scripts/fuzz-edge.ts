import { connect } from 'node:net';

// The fuzzer's edge lane: what schemathesis does not send. Every operation that takes a body
// gets one trickled a byte at a time (slower than HTTP_REQUEST_TIMEOUT_SECONDS allows) and one
// far above the size limits, all at once, while /health and a sign-in must keep answering.
// Any 5xx, an API that stops answering, or a refused request that wrote a row fails the run.

export interface EdgeOutcome {
  call: string;
  kind: 'slow body' | 'oversized';
  /** The status the API answered, or how the connection ended. */
  answer: string;
}

type Operation = { method: string; path: string };

/** One raw HTTP/1.1 request: the body written in pieces, `gapMs` apart; the status line's code, or how it ended. */
function rawRequest(
  base: URL,
  op: Operation,
  token: string,
  body: Buffer,
  pieces: number,
  gapMs: number,
  contentType: string,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(base.port), base.hostname);
    let answer = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (outcome: string) => (clearTimeout(timer), socket.destroy(), resolve(outcome));
    socket.setTimeout(120_000, () => done('no answer'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer);
      if (status) done(status[1]);
    });
    socket.on('error', () => done('reset'));
    socket.on('close', () => done(answer ? 'unparsed' : 'closed'));
    socket.write(
      `${op.method.toUpperCase()} ${op.path} HTTP/1.1\r\nhost: ${base.host}\r\nauthorization: Bearer ${token}\r\ncontent-type: ${contentType}\r\ncontent-length: ${body.length}\r\n\r\n`,
    );
    const size = Math.ceil(body.length / pieces);
    let sent = 0;
    const next = () => {
      if (sent >= body.length || socket.destroyed) return;
      socket.write(body.subarray(sent, sent + size));
      sent += size;
      timer = setTimeout(next, gapMs);
    };
    next();
  });
}

/** The operations with a body, their path parameters filled with a made-up id. */
export function operationsWithBodies(document: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([template, methods]) =>
    Object.keys(methods)
      .filter((m) => m === 'post' || m === 'put')
      .map((method) => ({
        method,
        path:
          template.replace(/\{(\w+)\}/g, (_, name) =>
            name === 'code' || name === 'account' ? 'EDGE-1' : '00000000-0000-4000-8000-000000000000',
          ) + (template === '/statements' ? '?format=csv&account=EDGE-1' : ''),
      })),
  );
}

/**
 * Every operation with a body, slowly and oversized, all at once; meanwhile the API is asked
 * for /health and a sign-in every second. `stillAnswers` is false if either failed once.
 */
export async function fuzzEdge(
  baseUrl: string,
  token: string,
  signIn: () => Promise<number>,
  statementMaxBytes: number,
): Promise<{ outcomes: EdgeOutcome[]; stillAnswers: boolean }> {
  const base = new URL(baseUrl);
  const document = (await (await fetch(`${baseUrl}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const operations = operationsWithBodies(document);
  let stillAnswers = true;
  const watch = setInterval(() => {
    void Promise.all([fetch(`${baseUrl}/health`).then((r) => r.status), signIn()])
      .then(([health, login]) => (stillAnswers &&= health === 200 && login === 200))
      .catch(() => (stillAnswers = false));
  }, 1000);
  const json = (n: number) => Buffer.from(JSON.stringify({ reason: 'x'.repeat(n) }));
  try {
    const calls = operations.flatMap((op) => {
      const call = `${op.method.toUpperCase()} ${op.path}`;
      const statement = op.path.startsWith('/statements?');
      const type = statement ? 'text/plain' : 'application/json';
      return [
        // 40 bytes, one every 500 ms: 20 s, past any request timeout of the stack
        rawRequest(base, op, token, json(20), 40, 500, type).then((answer): EdgeOutcome => ({ call, kind: 'slow body', answer })),
        rawRequest(base, op, token, statement ? Buffer.alloc(statementMaxBytes + 1, 'a') : json(2 * 1024 * 1024), 1, 0, type).then(
          (answer): EdgeOutcome => ({ call, kind: 'oversized', answer }),
        ),
      ];
    });
    return { outcomes: await Promise.all(calls), stillAnswers };
  } finally {
    clearInterval(watch);
  }
}
