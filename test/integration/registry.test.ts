import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

describe('pledge registry: one live pledge per asset, held by PostgreSQL', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let sme: TokenAgent;
  let bank: TokenAgent;

  beforeAll(async () => {
    const config = await isolatedConfig('registry');
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    sme = await api.as(PEOPLE.applicant);
    bank = await api.as(PEOPLE.creditOfficer);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  async function confirmedReceivable(): Promise<string> {
    const { id } = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body;
    await sme.post(`/receivables/${id}/submit`).expect(200);
    await (await api.as(PEOPLE.payablesClerk)).post(`/receivables/${id}/confirm`).send({}).expect(200);
    return id;
  }

  it('lets exactly one of 20 parallel pledges of one asset win', async () => {
    const assetId = await confirmedReceivable();
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: `RF-RACE-${i}` }),
      ),
    );
    const statuses = attempts.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of attempts.filter((r) => r.status === 409)) expect(refused.body.code).toBe('REGISTRY.ASSET_ENCUMBERED');

    const live = await api.db.query(`SELECT financing_ref FROM pledges WHERE asset_id = $1 AND status = 'LIVE'`, [assetId]);
    expect(live).toHaveLength(1);
    expect((await sme.get(`/receivables/${assetId}`)).body.status).toBe('PLEDGED');
  });

  it('refuses a second live pledge even from SQL that bypasses the service', async () => {
    const assetId = await confirmedReceivable();
    await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: 'RF-1' }).expect(201);
    const insert = () =>
      api.db.query(
        `INSERT INTO pledges (id, asset_type, asset_id, pledgee_id, pledgor_id, financing_ref, status, pledged_at, pledged_by)
         VALUES (gen_random_uuid(), 'RECEIVABLE', $1, $2, $3, 'RF-SNEAKY', 'LIVE', now(), gen_random_uuid())`,
        [assetId, api.parties.bank, api.parties.hami],
      );
    await expect(insert()).rejects.toThrow(/pledges_one_live_per_asset/);
  });

  it('answers "encumbered, by whom, since when", discharges, and frees the asset', async () => {
    const assetId = await confirmedReceivable();
    const free = await sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`).expect(200);
    expect(free.body).toEqual({ encumbered: false });

    const pledge = (await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: 'RF-2026-77' }).expect(201)).body;
    // the same financing asking again (a retried saga step) gets the same pledge
    expect((await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: 'RF-2026-77' }).expect(201)).body.id).toBe(pledge.id);

    const found = await (await api.as(PEOPLE.approverA)).get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`).expect(200);
    expect(found.body).toMatchObject({ encumbered: true, pledge: { id: pledge.id, pledgeeId: api.parties.bank, financingRef: 'RF-2026-77' } });
    expect(found.body.pledge.pledgeeName).toContain('Silk Road');
    expect(new Date(found.body.pledge.since).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // the bank now sees the receivable pledged to it
    expect((await bank.get(`/receivables/${assetId}`).expect(200)).body.status).toBe('PLEDGED');

    await bank.post(`/pledges/${pledge.id}/discharge`).expect(200);
    await bank.post(`/pledges/${pledge.id}/discharge`).expect(409);
    expect((await sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`)).body).toEqual({ encumbered: false });
    expect((await sme.get(`/receivables/${assetId}`)).body.status).toBe('CONFIRMED');
    await bank.get(`/receivables/${assetId}`).expect(404);
    // and it can back a new financing
    await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: 'RF-2026-78' }).expect(201);
  });

  it('refuses to pledge an unconfirmed receivable, and leaves no pledge behind', async () => {
    const { id } = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body;
    const refused = await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId: id, financingRef: 'RF-X' }).expect(409);
    expect(refused.body.code).toBe('RECEIVABLE.ILLEGAL_TRANSITION');
    expect(await api.db.query('SELECT 1 FROM pledges WHERE asset_id = $1', [id])).toEqual([]);
  });

  it('refuses to let anyone but the pledgee discharge, as if the pledge did not exist', async () => {
    const assetId = await confirmedReceivable();
    const pledge = (await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: 'RF-3' }).expect(201)).body;
    await sme.post(`/pledges/${pledge.id}/discharge`).expect(403); // role: SMEs never discharge
    const admin = await api.client.login('admin@caravan.example', 'caravan-admin-2026');
    const other = await admin.call('POST', '/organisations', { kind: 'BANK', name: 'Other Bank', creditCode: '91650000MA7BANKB2X' });
    await admin.call('POST', `/organisations/${other.id}/users`, { email: 'credit@other-bank.example', displayName: 'O', password: 'caravan-demo-2026', roles: ['CREDIT_OFFICER'] });
    const otherBank = await api.as('credit@other-bank.example');
    const theirs = await otherBank.post(`/pledges/${pledge.id}/discharge`).expect(404);
    const nobody = await otherBank.post('/pledges/0b5c1f8e-0000-4000-8000-000000000000/discharge').expect(404);
    expect(theirs.body.code).toBe(nobody.body.code);
  });
});
