import { request, type ClientRequest } from 'node:http';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD } from '../demo-data';
import { BenchStack, Figure, figure, load, percentile } from './stack';

// Issue 14's stall: statement uploads that send a first chunk and then nothing. Each holds a
// socket (until HTTP_REQUEST_TIMEOUT_SECONDS), but no database connection: logins and reads
// should answer as fast with 50 of them open as with none.
const STALLED = Number(process.env.BENCH_STALLED_UPLOADS ?? 50);
const LOGINS = 60;
const READS = 600;

/** An upload that stops after its first chunk; `answered` counts those the API answered meanwhile (none should be). */
function stall(stack: BenchStack, token: string, answered: { count: number }): ClientRequest {
  const url = new URL('/statements?format=csv&account=STALL-1', stack.baseUrl);
  const upload = request(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
  });
  upload.on('response', () => answered.count++);
  upload.on('error', () => undefined);
  upload.write('date;amount;e2e\n2026-11-28;1.00;');
  return upload;
}

async function measure(api: ApiClient, sme: ApiClient): Promise<{ login: number[]; read: number[] }> {
  const applicant = DEMO_ORGANISATIONS.hami.users[0].email;
  const login = await load(LOGINS, 4, async () => {
    const { status } = await api.request('POST', '/auth/login', { email: applicant, password: DEMO_PASSWORD });
    if (status !== 200) throw new Error(`login: HTTP ${status}`);
  });
  const read = await load(READS, 8, async () => {
    const { status } = await sme.request('GET', '/receivables?limit=20');
    if (status !== 200) throw new Error(`read: HTTP ${status}`);
  });
  return { login: login.durations, read: read.durations };
}

export async function runStalledUploads(stack: BenchStack, sme: ApiClient, backOffice: ApiClient): Promise<Figure[]> {
  const api = new ApiClient(stack.baseUrl);
  // a layout for the account, or the upload is refused before its body is read
  const layout = {
    delimiter: ';',
    hasHeader: true,
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    currency: 'CNY',
    columns: { bookingDate: 1, amount: 2, endToEndId: 3 },
  };
  await backOffice.call('PUT', '/statements/csv-mappings/STALL-1', layout);
  await measure(api, sme); // warm-up
  const calm = await measure(api, sme);
  const answered = { count: 0 };
  const uploads = Array.from({ length: STALLED }, () => stall(stack, backOffice.token!, answered));
  await new Promise((r) => setTimeout(r, 1000));
  let stalled: { login: number[]; read: number[] };
  try {
    stalled = await measure(api, sme);
  } finally {
    for (const upload of uploads) upload.destroy();
  }
  if (answered.count > 0) throw new Error(`${answered.count} of the ${STALLED} stalled uploads were answered: they did not stall`);
  const p99 = (durations: number[]) => Number(percentile(durations, 99).toFixed(2));
  return (['login', 'read'] as const).map((kind) =>
    figure({
      benchmark: 'stalls',
      figure: `${kind === 'login' ? 'POST /auth/login' : 'GET /receivables'} p99 while ${STALLED} uploads stall`,
      unit: 'ms',
      ours: p99(stalled[kind]),
      referenceIs: 'the same, no upload open',
      reference: p99(calm[kind]),
      detail: { requests: stalled[kind].length, p50: { stalled: percentile(stalled[kind], 50), calm: percentile(calm[kind], 50) } },
    }),
  );
}
