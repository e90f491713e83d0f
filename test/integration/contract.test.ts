import { createHash } from 'node:crypto';
import type { Test } from 'supertest';
import { Money } from '@caravan/money';
import { demoContractPdf } from '../../scripts/demo-contract';
import type { TestApi, TokenAgent } from '../support/api';
import { PEOPLE } from '../support/api';
import { applyFor, confirmedReceivable, Desk, reaches, recordPayment, startFinancingStack } from '../support/financing';
import { eventually } from '../support/stack';
import { onboardRival, Rival } from '../support/two-banks';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Reads an answer's raw bytes (supertest parses only what it knows). */
function bytes(test: Test): Test {
  return test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
}

/**
 * The bank's financing contract (issue 16, item 5): a PDF one person uploads and another
 * adopts; the SME reads it before accepting and accepts it by its sha256; the version accepted
 * stays with the financing whatever the bank adopts later; nobody else reads it.
 */
describe('the financing contract: read, accepted by its hash, kept with the financing', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  let rival: Rival;
  let buyer: TokenAgent;
  let v1: Buffer;
  let financingId: string;

  const upload = (agent: TokenAgent, body: Buffer, type = 'application/pdf') =>
    agent.post('/financing-contract?name=agreement.pdf').set('content-type', type).send(body);
  const adopt = async (body: Buffer) => {
    const { request } = (await upload(d.maker, body).expect(202)).body;
    await d.approverA.post(`/approval-requests/${request.id}/approve`).send({}).expect(200);
  };
  const contractOf = (agent: TokenAgent, id = financingId) => bytes(agent.get(`/financings/${id}/contract`));

  beforeAll(async () => {
    const stack = await startFinancingStack('contract');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
    rival = await onboardRival(api);
    buyer = await api.as(PEOPLE.payablesClerk);
    v1 = await demoContractPdf('v1');
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('takes a PDF only, in force once a second person adopted it; versioned and audited', async () => {
    expect((await upload(d.maker, Buffer.from('plain text'), 'text/plain').expect(400)).body.code).toBe('FINANCING.CONTRACT_NOT_PDF');
    expect((await upload(d.maker, Buffer.from('<html>not a pdf</html>')).expect(400)).body.code).toBe('FINANCING.CONTRACT_NOT_PDF');
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(d.maker, huge).expect(413)).body.code).toBe('FINANCING.CONTRACT_TOO_LARGE');
    await upload(d.backOffice, v1).expect(403);
    const { contract, request } = (await upload(d.maker, v1).expect(202)).body;
    expect(contract).toMatchObject({ version: 1, size: v1.length, sha256: sha256(v1), adoptedBy: null });
    // the uploader is not the second person
    expect((await d.maker.post(`/approval-requests/${request.id}/approve`).send({})).status).toBe(403);
    await d.approverA.post(`/approval-requests/${request.id}/approve`).send({}).expect(200);
    const [version] = (await d.approverB.get('/financing-contract/versions').expect(200)).body.items;
    expect(version).toMatchObject({ version: 1, sha256: sha256(v1), adoptedBy: expect.stringContaining(PEOPLE.approverA) });
    expect(Buffer.compare((await bytes(d.approverB.get('/financing-contract/versions/1')).expect(200)).body, v1)).toBe(0);
    const audit = await api.owner.query(`SELECT action FROM audit_events WHERE action = 'financing.contract.upload'`);
    expect(audit.length).toBeGreaterThanOrEqual(1);
    // the bytes kept are never changed, even by the apps' own role
    await expect(api.db.query(`UPDATE financing_contract_templates SET content = '%PDF-x'::bytea`)).rejects.toThrow(/permission denied/);
  });

  it('shows the SME every cost of the offer and the contract in force, and gives it the PDF', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    financingId = (
      await applyFor(d.sme, { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '800000.00' })
    ).id;
    await reaches(d, financingId, 'AWAITING_COUNTERPARTY');
    await d.debtor.post(`/financings/${financingId}/acknowledge`).send({}).expect(200);
    await reaches(d, financingId, 'AWAITING_RECOMMENDATION');
    await d.maker.post(`/financings/${financingId}/recommend`).send({}).expect(200);
    await reaches(d, financingId, 'AWAITING_APPROVAL');
    await d.approverA.post(`/financings/${financingId}/approve`).send({}).expect(200);
    await reaches(d, financingId, 'AWAITING_ACCEPTANCE');

    const detail = (await d.sme.get(`/financings/${financingId}`).expect(200)).body;
    expect(detail.contract).toMatchObject({ version: 1, sha256: sha256(v1), kept: null });
    const { offer } = detail;
    expect(offer).toMatchObject({ annualRate: '0.0435', upfrontFeeRate: '0.001', schedule: { fee: '800.00' } });
    const s = offer.schedule;
    expect(Money.of(s.totalPrincipal).plus(Money.of(s.totalInterest)).plus(Money.of(s.fee)).toString()).toBe(s.totalPayable);

    const read = await contractOf(d.sme).expect(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect(read.headers['x-contract-sha256']).toBe(sha256(v1));
    expect(Buffer.compare(read.body, v1)).toBe(0);
    await contractOf(d.maker).expect(200);
  });

  it('lets no one else read it: the buyer, another SME and another bank find no such financing', async () => {
    for (const outsider of [buyer, rival.as.otherSme, rival.as.credit, rival.as.approver]) {
      const refused = [
        await contractOf(outsider).expect(404),
        await contractOf(outsider, '00000000-0000-4000-8000-000000000000').expect(404),
      ];
      // a denial reads exactly as a financing that does not exist
      expect(refused.map((r) => JSON.parse(r.body.toString()).code)).toEqual(['FINANCING.NOT_FOUND', 'FINANCING.NOT_FOUND']);
    }
    await bytes(rival.as.approver.get('/financing-contract/versions/1')).expect(404);
    expect((await rival.as.approver.get('/financing-contract/versions').expect(200)).body.items).toEqual([]);
  });

  it('refuses an acceptance without the contract read or with another; accepts and keeps the one read', async () => {
    const accept = (body: object) => d.sme.post(`/financings/${financingId}/accept`).send(body);
    expect((await accept({}).expect(400)).body).toMatchObject({
      code: 'FINANCING.CONTRACT_NOT_READ',
      errors: [{ field: 'contractSha256' }],
    });
    expect((await accept({ contractSha256: sha256(Buffer.from('another')) }).expect(409)).body.code).toBe('FINANCING.CONTRACT_CHANGED');
    expect(await api.owner.query('SELECT * FROM financing_contracts')).toEqual([]);
    expect((await d.sme.get(`/financings/${financingId}`).expect(200)).body.stage).toBe('AWAITING_ACCEPTANCE');

    await accept({ contractSha256: sha256(v1) }).expect(200);
    const [kept] = await api.owner.query('SELECT version, sha256, accepted_by_name FROM financing_contracts WHERE financing_id = $1', [
      financingId,
    ]);
    expect(kept).toMatchObject({ version: 1, sha256: sha256(v1), accepted_by_name: expect.stringContaining(PEOPLE.applicant) });
    const [audit] = await api.owner.query(`SELECT after FROM audit_events WHERE action = 'financing.contract.accept' AND entity_id = $1`, [
      financingId,
    ]);
    expect(audit.after).toMatchObject({ version: 1, sha256: sha256(v1) });
  });

  it('still gives the version accepted after the bank adopts another; a new offer reads the new one', async () => {
    const v2 = await demoContractPdf('v2');
    await adopt(v2);
    const read = await contractOf(d.sme).expect(200);
    expect(read.headers['x-contract-version']).toBe('1');
    expect(Buffer.compare(read.body, v1)).toBe(0);
    const detail = (await d.sme.get(`/financings/${financingId}`).expect(200)).body;
    expect(detail.contract).toMatchObject({ version: 1, kept: { version: 1, sha256: sha256(v1) } });
    const versions = (await d.maker.get('/financing-contract/versions').expect(200)).body.items;
    expect(versions.map((v: { version: number; adoptedAt: string | null }) => [v.version, v.adoptedAt !== null])).toEqual([
      [2, true],
      [1, true],
    ]);
  });

  it('after closure shows every payment with its value date and allocation, and the surplus paid back', async () => {
    await reaches(d, financingId, 'REPAYING');
    await eventually(
      async () =>
        (await d.sme.get(`/financings/${financingId}/timeline`)).body.some((e: { step: string }) => e.step === 'instalment.due') ||
        undefined,
      'the due date',
      30_000,
    );
    await recordPayment(d, financingId, 'BNK-C-1', '1000000.00');
    await reaches(d, financingId, 'CLOSED');
    const detail = (await d.sme.get(`/financings/${financingId}`).expect(200)).body;
    expect(detail.payments).toEqual([
      expect.objectContaining({
        reference: 'BNK-C-1',
        amount: '1000000.00',
        principal: '800000.00',
        interest: '1933.33',
        surplus: '198066.67',
      }),
    ]);
    expect(detail.payments[0].valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(detail.surplusPayouts).toEqual([expect.objectContaining({ amount: '198066.67', status: 'PAID' })]);
  });
});
