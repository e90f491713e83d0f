import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * The edge as an attacker or a careless operator meets it (issue 14): zero and over-precise
 * bookings, amounts beyond the ledger, formulas in exported cells, oversized and stalled
 * uploads, security headers, secrets in the query string.
 */
describe('the edge: what comes in is bounded, what goes out is safe', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let backOffice: TokenAgent;
  const MAX_BYTES = 256 * 1024;
  const DEADLINE_SECONDS = 5;
  const mapping = {
    delimiter: ';',
    hasHeader: true,
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    currency: 'CNY',
    columns: { bookingDate: 1, amount: 2, endToEndId: 3 },
  };
  const csv = (account: string, rows: string[]) =>
    backOffice
      .post(`/statements?format=csv&account=${encodeURIComponent(account)}`)
      .set('content-type', 'text/plain')
      .send(['date;amount;e2e', ...rows].join('\n'));

  beforeAll(async () => {
    const config = Object.assign(await isolatedConfig('edge'), {
      STATEMENT_MAX_BYTES: MAX_BYTES,
      STATEMENT_IMPORTS_PER_BANK: 2,
      WRITE_RATE_LIMIT_PER_MINUTE: 60,
      HTTP_REQUEST_TIMEOUT_SECONDS: DEADLINE_SECONDS,
    });
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    backOffice = await api.as(PEOPLE.backOffice);
    await backOffice.put('/statements/csv-mappings/EDGE-1').send(mapping).expect(200);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('keeps a zero booking as information: imported, never matched, queued or counted', async () => {
    const imported = await csv('EDGE-1', ['2026-11-30;0.00;VERIFY', '2026-11-30;5.00;REAL']).expect(201);
    expect(imported.body[0]).toMatchObject({ entries: 2, newLines: 2 });
    const rows = await api.owner.query(`SELECT amount, match_status FROM statement_lines WHERE account = 'EDGE-1' ORDER BY position`);
    expect(rows).toEqual([
      { amount: '0.00', match_status: 'INFORMATIONAL' },
      { amount: '5.00', match_status: 'UNMATCHED' },
    ]);
    const queue = (await backOffice.get('/statements/exceptions').expect(200)).body.items as Array<{ amount: string }>;
    expect(queue.map((l) => l.amount)).toEqual(['5.00']);
  });

  it('imports an MT940 with a zero verification booking (D0,00), as German banks send', async () => {
    const mt940 = [
      ':20:STARTUMSE',
      ':25:50880050/0194777100',
      ':28C:00001/001',
      ':60F:C261130EUR1000,00',
      ':61:2611301130D0,00NMSCNONREF',
      ':86:005?00VERIFIKATION',
      ':61:2611301130C25,00NTRFNONREF',
      ':86:166?00GUTSCHRIFT',
      ':62F:C261130EUR1025,00',
      '-',
    ].join('\r\n');
    const imported = await backOffice.post('/statements?format=mt940').set('content-type', 'text/plain').send(mt940).expect(201);
    expect(imported.body[0]).toMatchObject({ entries: 2, newLines: 2 });
  });

  it('refuses an amount with more decimals than the books keep, naming the line', async () => {
    const refused = await csv('EDGE-1', ['2026-11-30;1.234;A', '2026-11-30;1.23400;B']).expect(400);
    expect(refused.body).toMatchObject({
      code: 'RECONCILIATION.BAD_STATEMENT',
      title: 'line 2, column 2 (amount): "1.234" has more than two decimals',
    });
  });

  it('refuses a currency that is not one, naming the line', async () => {
    const camt = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>',
      '<Id>EDGE-CCY</Id><Acct><Id><Othr><Id>EDGE-CCY</Id></Othr></Id></Acct>',
      '<Ntry><Amt Ccy="EURO">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-30</Dt></BookgDt></Ntry>',
      '</Stmt></BkToCstmrStmt></Document>',
    ].join('\n');
    const refused = await backOffice.post('/statements?format=camt.053').set('content-type', 'application/xml').send(camt).expect(400);
    expect(refused.body).toMatchObject({
      code: 'RECONCILIATION.BAD_STATEMENT',
      title: expect.stringMatching(/^line 4, .*"EURO" is not a currency code$/),
    });
  });

  it('answers what PostgreSQL refuses in a statement (a NUL character) as the file’s fault, naming its lines', async () => {
    const refused = await csv('EDGE-1', ['2026-11-30;7.00;NUL\u0000HERE']).expect(400);
    expect(refused.body).toMatchObject({
      code: 'RECONCILIATION.BAD_STATEMENT',
      title: expect.stringMatching(/^line 2.*refused by the database/),
    });
    expect((await api.owner.query(`SELECT count(*)::int AS n FROM statement_lines WHERE amount = 7.00`))[0].n).toBe(0);
  });

  it('refuses a line no bank sends, at once and in little memory', async () => {
    const started = Date.now();
    const refused = await backOffice
      .post('/statements?format=mt940')
      .set('content-type', 'text/plain')
      .send(`:20:X\n:86:${'A'.repeat(MAX_BYTES - 100)}`)
      .expect(400);
    expect(refused.body.code).toBe('RECONCILIATION.BAD_STATEMENT');
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('refuses a statement file larger than the cap (413), keeping nothing', async () => {
    const before = (await api.owner.query('SELECT count(*)::int AS n FROM bank_statements'))[0].n;
    const refused = await csv(
      'EDGE-1',
      Array.from({ length: 20_000 }, (_, i) => `2026-11-30;${i + 1}.00;BIG-${i}`),
    ).expect(413);
    expect(refused.body.code).toBe('RECONCILIATION.STATEMENT_TOO_LARGE');
    expect((await api.owner.query('SELECT count(*)::int AS n FROM bank_statements'))[0].n).toBe(before);
  });

  it('imports a bank’s statements a few at a time: the next one waits its turn (429)', async () => {
    const locker = api.owner.createQueryRunner();
    await locker.connect();
    try {
      for (const slot of [1, 2])
        await locker.query(`SELECT pg_advisory_lock(hashtext('reconciliation.import'), hashtext($1::text || '/' || $2))`, [
          api.parties.bank,
          slot,
        ]);
      const busy = await csv('EDGE-1', ['2026-11-29;1.00;BUSY']).expect(429);
      expect(busy.body.code).toBe('RECONCILIATION.IMPORTS_BUSY');
    } finally {
      await locker.query('SELECT pg_advisory_unlock_all()');
      await locker.release();
    }
    await csv('EDGE-1', ['2026-11-29;1.00;NOT-BUSY']).expect(201);
  });

  it('answers logins and reads while stalled uploads hold their sockets, not the database', async () => {
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const bearer = (await api.client.login(PEOPLE.backOffice, 'caravan-demo-2026')).token!;
    // more stalled uploads than the pool has connections (20): the fifty (timed by `npm run bench`, stalls)
    const stalled = Array.from({ length: 50 }, () => {
      const upload = httpRequest({
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/statements?format=csv&account=EDGE-1',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'text/plain', 'transfer-encoding': 'chunked' },
      });
      upload.on('error', () => undefined);
      upload.write('date;amount;e2e\n2026-11-28;1.00;');
      return upload;
    });
    try {
      await new Promise((r) => setTimeout(r, 500));
      await api.http().get('/health').expect(200);
      for (let i = 0; i < 5; i++) {
        await api.http().post('/auth/login').send({ email: PEOPLE.applicant, password: 'caravan-demo-2026' }).expect(200);
        await (await api.as(PEOPLE.applicant)).get('/receivables').expect(200);
      }
      await backOffice.get('/statements').expect(200);
    } finally {
      for (const upload of stalled) upload.destroy();
    }
  });

  it('answers 408 to an upload trickled slower than the request deadline, and keeps nothing of it', async () => {
    const { port } = api.app.getHttpServer().address() as AddressInfo;
    const bearer = (await api.client.login(PEOPLE.backOffice, 'caravan-demo-2026')).token!;
    const lines = async () => (await api.owner.query(`SELECT count(*)::int AS n FROM statement_lines WHERE account = 'EDGE-1'`))[0].n;
    const before = await lines();
    const started = Date.now();
    const status = await new Promise<number>((resolve) => {
      const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'text/plain', 'content-length': '400' };
      const upload = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: '/statements?format=csv&account=EDGE-1', headers });
      upload.write('date;amount;e2e\n');
      // a byte every 250 ms: busy all along, never whole before the deadline
      const drip = setInterval(() => upload.writable && upload.write('2'), 250);
      upload.on('response', (response) => (clearInterval(drip), upload.destroy(), resolve(response.statusCode!)));
      upload.on('error', () => (clearInterval(drip), resolve(0)));
    });
    expect(status).toBe(408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEADLINE_SECONDS * 1000);
    expect(Date.now() - started).toBeLessThan((DEADLINE_SECONDS + 5) * 1000);
    expect(await lines()).toBe(before);
  });

  it('bounds every amount to what the books hold, and a trial on the largest computes within them', async () => {
    const sme = await api.as(PEOPLE.applicant);
    const refused = await sme
      .post('/receivables')
      .send(receivableBody(api.parties.powerGroup, { amount: '1000000000000000.00' }))
      .expect(400);
    expect(refused.body.errors[0].field).toBe('amount');
    const largest = (
      await sme
        .post('/receivables')
        .send(receivableBody(api.parties.powerGroup, { amount: '999999999999999.99', dueDate: '2027-11-30' }))
        .expect(201)
    ).body.id;
    await sme.post(`/receivables/${largest}/submit`).expect(200);
    await (await api.as(PEOPLE.payablesClerk)).post(`/receivables/${largest}/confirm`).send({}).expect(200);
    const trial = await sme
      .post('/financings/trial')
      .send({ product: 'RECEIVABLE_FINANCING', assetId: largest, bankId: api.parties.bank, amount: '799999999999999.99' })
      .expect(200);
    for (const amount of [trial.body.schedule.totalInterest, trial.body.schedule.totalPayable]) expect(amount).toMatch(/^\d{1,18}\.\d{2}$/);
  });

  it('writes no formula into a spreadsheet cell', async () => {
    const account = '=HYPERLINK("http://evil.example","statement")';
    await backOffice
      .put(`/statements/csv-mappings/${encodeURIComponent(account)}`)
      .send(mapping)
      .expect(200);
    await csv(account, ['2026-11-27;7.00;X']).expect(201);
    const report = await backOffice.get('/reconciliation/report?from=2026-11-27&to=2026-11-27&format=csv').expect(200);
    const row = report.text.split('\r\n')[1];
    expect(row.startsWith(`"'=HYPERLINK(`)).toBe(true);
  });

  it('sends security headers, no X-Powered-By, and echoes no secret from the query string', async () => {
    const portal = await api.http().get('/health').expect(200);
    expect(portal.headers['x-powered-by']).toBeUndefined();
    expect(portal.headers['x-content-type-options']).toBe('nosniff');
    expect(portal.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(portal.headers['content-security-policy']).toContain("script-src 'self'");
    expect(portal.headers['referrer-policy']).toBe('same-origin');
    const secret = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.signature';
    const refused = await api.http().get(`/receivables?access_token=${secret}`).expect(401);
    expect(refused.text).not.toContain(secret);
    expect(refused.body.instance).toBe('/receivables');
  });

  // last: it spends a token's budget of changes
  it('limits the changes one caller makes a minute, not their reads', async () => {
    const { token } = await api.client.login(PEOPLE.custodian, 'caravan-demo-2026');
    const custodian = () => api.http().post('/warehouse-receipts').set('authorization', `Bearer ${token}`).send({});
    for (let i = 0; i < 60; i++) expect((await custodian()).status).toBe(400);
    const limited = await custodian().expect(429);
    expect(limited.body.code).toBe('REQUEST.TOO_MANY');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await api.http().get('/warehouse-receipts').set('authorization', `Bearer ${token}`).expect(200);
    await (await api.as(PEOPLE.applicant)).post('/receivables').send({}).expect(400); // another caller is not held up
  });
});
