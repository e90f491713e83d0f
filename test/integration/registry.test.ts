import { systemActor } from '@caravan/access';
import { AssetType, PledgeRegistry } from '@caravan/registry';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * The registry as the financing workflow uses it (the only way in: no person pledges an asset by
 * a request of their own), and as people read it.
 */
describe('pledge registry: one live pledge per asset, held by PostgreSQL', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let sme: TokenAgent;
  let bank: TokenAgent;
  let registry: PledgeRegistry;
  const workflow = () => systemActor('system:financing-workflow', api.parties.bank);
  const pledge = (assetId: string, financingRef: string, pledgorId = api.parties.hami) =>
    registry.pledge(workflow(), { assetType: AssetType.RECEIVABLE, assetId, financingRef, pledgorId });

  beforeAll(async () => {
    const config = await isolatedConfig('registry');
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    sme = await api.as(PEOPLE.applicant);
    bank = await api.as(PEOPLE.creditOfficer);
    registry = api.app.get(PledgeRegistry);
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
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => pledge(assetId, `RF-RACE-${i}`)));
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason.code).toBe('REGISTRY.ASSET_ENCUMBERED');

    const live = await api.owner.query(`SELECT financing_ref FROM pledges WHERE asset_id = $1 AND status = 'LIVE'`, [assetId]);
    expect(live).toHaveLength(1);
    expect((await sme.get(`/receivables/${assetId}`)).body.status).toBe('PLEDGED');
  });

  it('refuses a second live pledge even from SQL that bypasses the service', async () => {
    const assetId = await confirmedReceivable();
    await pledge(assetId, 'RF-1');
    const insert = () =>
      api.owner.query(
        `INSERT INTO pledges (id, asset_type, asset_id, pledgee_id, pledgor_id, financing_ref, status, pledged_at, pledged_by)
         VALUES (gen_random_uuid(), 'RECEIVABLE', $1, $2, $3, 'RF-SNEAKY', 'LIVE', now(), gen_random_uuid())`,
        [assetId, api.parties.bank, api.parties.hami],
      );
    await expect(insert()).rejects.toThrow(/pledges_one_live_per_asset/);
  });

  it('answers "encumbered, by whom, since when" and no more; discharges and frees the asset', async () => {
    const assetId = await confirmedReceivable();
    const free = await sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`).expect(200);
    expect(free.body).toEqual({ encumbered: false });

    const made = await pledge(assetId, 'RF-2026-77');
    // the same financing asking again (a retried saga step) gets the same pledge
    expect((await pledge(assetId, 'RF-2026-77')).id).toBe(made.id);

    const found = await (await api.as(PEOPLE.approverA)).get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`).expect(200);
    expect(Object.keys(found.body.pledge).sort()).toEqual(['pledgeeId', 'pledgeeName', 'since']); // not the financing, not the pledge's id
    expect(found.body).toMatchObject({ encumbered: true, pledge: { pledgeeId: api.parties.bank } });
    expect(found.body.pledge.pledgeeName).toContain('Silk Road');
    expect(new Date(found.body.pledge.since).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // the parties read the pledge itself
    expect((await bank.get(`/pledges/${made.id}`).expect(200)).body.financingRef).toBe('RF-2026-77');
    expect((await sme.get(`/pledges/${made.id}`).expect(200)).body.financingRef).toBe('RF-2026-77');
    await (await api.as(PEOPLE.payablesClerk)).get(`/pledges/${made.id}`).expect(404);

    // the bank now sees the receivable pledged to it
    expect((await bank.get(`/receivables/${assetId}`).expect(200)).body.status).toBe('PLEDGED');

    await registry.dischargeFor(workflow(), AssetType.RECEIVABLE, assetId, 'RF-2026-77');
    await registry.dischargeFor(workflow(), AssetType.RECEIVABLE, assetId, 'RF-2026-77'); // again: nothing to do
    expect((await sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`)).body).toEqual({ encumbered: false });
    expect((await sme.get(`/receivables/${assetId}`)).body.status).toBe('CONFIRMED');
    await bank.get(`/receivables/${assetId}`).expect(404);
    // and it can back a new financing
    await pledge(assetId, 'RF-2026-78');
  });

  it('refuses to pledge an unconfirmed receivable, or one its holder did not apply with, and leaves no pledge behind', async () => {
    const { id } = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body;
    await expect(pledge(id, 'RF-X')).rejects.toMatchObject({ code: 'RECEIVABLE.ILLEGAL_TRANSITION' });
    const confirmed = await confirmedReceivable();
    await expect(pledge(confirmed, 'RF-Y', api.parties.powerGroup)).rejects.toMatchObject({ code: 'REGISTRY.NOT_THE_HOLDER' });
    expect(await api.owner.query('SELECT 1 FROM pledges WHERE asset_id = ANY($1::uuid[])', [[id, confirmed]])).toEqual([]);
  });

  it('offers people no way to pledge or discharge', async () => {
    const assetId = await confirmedReceivable();
    await bank.post('/pledges').send({ assetType: 'RECEIVABLE', assetId, financingRef: 'RF-3' }).expect(404);
    const made = await pledge(assetId, 'RF-3');
    await bank.post(`/pledges/${made.id}/discharge`).expect(404);
    expect((await sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${assetId}`)).body.encumbered).toBe(true);
  });
});
