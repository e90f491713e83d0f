import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';

describe('receivable documents: attached by the creditor, read by whoever sees the receivable', () => {
  let api: TestApi;
  let sme: TokenAgent;
  let debtor: TokenAgent;
  let receivable: string;
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7)]);

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('documents'));
    sme = await api.as(PEOPLE.applicant);
    debtor = await api.as(PEOPLE.payablesClerk);
    receivable = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  const attach = (agent: TokenAgent, body: Buffer, type = 'application/pdf', name = '发票 HM-1.pdf') =>
    agent
      .post(`/receivables/${receivable}/documents?name=${encodeURIComponent(name)}`)
      .set('content-type', type)
      .send(body);

  it('stores a document once, lists it and gives the same bytes back, to the debtor too', async () => {
    const first = (await attach(sme, pdf).expect(201)).body;
    expect(first).toMatchObject({ name: '发票 HM-1.pdf', contentType: 'application/pdf', size: pdf.length });
    expect((await attach(sme, pdf).expect(201)).body.id).toBe(first.id);
    expect((await debtor.get(`/receivables/${receivable}/documents`).expect(200)).body).toEqual([first]);
    const download = await debtor
      .get(`/receivables/${receivable}/documents/${first.id}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    const [audit] = await api.owner.query(`SELECT after FROM audit_events WHERE action = 'receivable.document.attach' AND entity_id = $1`, [
      receivable,
    ]);
    expect(audit.after).toMatchObject({ document: first.id, size: pdf.length });
  });

  it('refuses a wrong type, an empty body and a file over 10 MB, storing nothing', async () => {
    const before = (await sme.get(`/receivables/${receivable}/documents`).expect(200)).body.length;
    expect((await attach(sme, pdf, 'text/html').expect(400)).body).toMatchObject({ code: 'RECEIVABLE.DOCUMENT_TYPE' });
    expect((await attach(sme, Buffer.alloc(0)).expect(400)).body.code).toBe('RECEIVABLE.DOCUMENT_EMPTY');
    expect((await attach(sme, Buffer.alloc(10 * 1024 * 1024 + 1, 1)).expect(400)).body.code).toBe('RECEIVABLE.DOCUMENT_TOO_LARGE');
    expect((await sme.get(`/receivables/${receivable}/documents`).expect(200)).body).toHaveLength(before);
  });

  it('lets only the creditor attach', async () => {
    expect((await attach(debtor, pdf).expect(403)).body.code).toBe('AUTH.FORBIDDEN');
  });
});
