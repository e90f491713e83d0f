import { systemActor } from '@caravan/access';
import { AssetType, PledgeRegistry } from '@caravan/registry';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { isolatedConfig } from '../support/stack';

describe('warehouse receipts: issue, split, value, pledge, release', () => {
  let api: TestApi;
  let custodian: TokenAgent;
  let sme: TokenAgent;
  let bank: TokenAgent;
  let seq = 0;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('receipts'));
    custodian = await api.as(PEOPLE.custodian);
    sme = await api.as(PEOPLE.applicant);
    bank = await api.as(PEOPLE.creditOfficer);
    const admin = await api.client.login('admin@caravan.example', 'caravan-admin-2026');
    await admin.call('PUT', '/commodities/COAL-5500', { name: 'Thermal coal 5500', unit: 't', haircut: '0.15' });
    await admin.call('POST', '/commodities/COAL-5500/prices', { date: '2026-11-20', price: '790.00', source: 'CCTD index' });
    await admin.call('POST', '/commodities/COAL-5500/prices', { date: '2026-11-25', price: '812.35', source: 'CCTD index' });
  });

  afterAll(async () => {
    await api?.close();
  });

  const issue = async (overrides: Record<string, unknown> = {}) =>
    (
      await custodian
        .post('/warehouse-receipts')
        .send({
          receiptNumber: `HBY-${++seq}`,
          holderId: api.parties.hami,
          commodityCode: 'COAL-5500',
          grade: 'Q5500',
          quantity: '1000.000',
          location: 'Hami bonded yard, bay 7',
          ...overrides,
        })
        .expect(201)
    ).body as { id: string; receiptNumber: string; quantity: string; unit: string; status: string };

  it('is issued by a custodian to an SME, in the commodity’s unit, and both see it', async () => {
    const receipt = await issue();
    expect(receipt).toMatchObject({
      quantity: '1000',
      unit: 't',
      status: 'ISSUED',
      custodianId: api.parties.yard,
      holderId: api.parties.hami,
    });
    await sme.get(`/warehouse-receipts/${receipt.id}`).expect(200);
    await (await api.as(PEOPLE.payablesClerk)).get(`/warehouse-receipts/${receipt.id}`).expect(404);
    await bank.get(`/warehouse-receipts/${receipt.id}`).expect(404);
  });

  it('is valued at the latest price on or before the date, less the haircut', async () => {
    const receipt = await issue();
    const on25 = await sme.get(`/warehouse-receipts/${receipt.id}/valuation?date=2026-11-26`).expect(200);
    expect(on25.body).toMatchObject({
      priceDate: '2026-11-25',
      unitPrice: '812.35',
      grossValue: '812350.00',
      haircut: '0.15',
      value: '690497.50',
      currency: 'CNY',
    });
    const on22 = await sme.get(`/warehouse-receipts/${receipt.id}/valuation?date=2026-11-22`).expect(200);
    expect(on22.body).toMatchObject({ priceDate: '2026-11-20', grossValue: '790000.00', value: '671500.00' });
    const before = await sme.get(`/warehouse-receipts/${receipt.id}/valuation?date=2026-11-01`).expect(422);
    expect(before.body.code).toBe('WAREHOUSE.NO_PRICE');
  });

  it('lists a commodity’s prices newest first, a page at a time, to anyone signed in; an unknown commodity is not found', async () => {
    const all = (await sme.get('/commodities/COAL-5500/prices').expect(200)).body;
    expect(all).toMatchObject({
      total: 2,
      items: [
        { priceDate: '2026-11-25', price: '812.35' },
        { priceDate: '2026-11-20', price: '790' },
      ],
    });
    expect(all.items[0]).toEqual({
      commodityCode: 'COAL-5500',
      priceDate: '2026-11-25',
      price: '812.35',
      currency: 'CNY',
      source: 'CCTD index',
    });
    const second = (await bank.get('/commodities/COAL-5500/prices?limit=1&offset=1').expect(200)).body;
    expect(second).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ priceDate: '2026-11-20' }] });
    expect((await sme.get('/commodities/NO-SUCH/prices').expect(404)).body.code).toBe('WAREHOUSE.COMMODITY_NOT_FOUND');
  });

  it('splits into parts that add up exactly, and only then', async () => {
    const receipt = await issue();
    const wrong = await custodian
      .post(`/warehouse-receipts/${receipt.id}/split`)
      .send({ quantities: ['600.000', '399.999'] })
      .expect(400);
    expect(wrong.body).toMatchObject({ code: 'WAREHOUSE.SPLIT_NOT_EXACT', errors: [{ field: 'quantities' }] });
    const parts = (
      await custodian
        .post(`/warehouse-receipts/${receipt.id}/split`)
        .send({ quantities: ['600.5', '399.5'] })
        .expect(200)
    ).body;
    expect(parts.map((p: { receiptNumber: string; quantity: string }) => [p.receiptNumber, p.quantity])).toEqual([
      [`${receipt.receiptNumber}-1`, '600.5'],
      [`${receipt.receiptNumber}-2`, '399.5'],
    ]);
    expect((await sme.get(`/warehouse-receipts/${receipt.id}`)).body.status).toBe('SPLIT');
    await custodian
      .post(`/warehouse-receipts/${receipt.id}/split`)
      .send({ quantities: ['500', '500'] })
      .expect(409);
    await sme
      .post(`/warehouse-receipts/${parts[0].id}/split`)
      .send({ quantities: ['300', '300.5'] })
      .expect(403);
  });

  it('is pledged through the registry once, cannot then be released or split, and is free after discharge', async () => {
    const receipt = await issue();
    // as the financing workflows of ten applications would, at once
    const registry = api.app.get(PledgeRegistry);
    const workflow = systemActor('system:financing-workflow', api.parties.bank);
    const racing = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        registry.pledge(workflow, {
          assetType: AssetType.WAREHOUSE_RECEIPT,
          assetId: receipt.id,
          financingRef: `WR-${i}`,
          pledgorId: api.parties.hami,
        }),
      ),
    );
    const won = racing.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect((await bank.get(`/warehouse-receipts/${receipt.id}`).expect(200)).body.status).toBe('PLEDGED');
    await custodian.post(`/warehouse-receipts/${receipt.id}/release`).expect(409);
    await registry.dischargeFor(
      workflow,
      AssetType.WAREHOUSE_RECEIPT,
      receipt.id,
      (won[0] as PromiseFulfilledResult<{ financingRef: string }>).value.financingRef,
    );
    expect((await custodian.post(`/warehouse-receipts/${receipt.id}/release`).expect(200)).body.status).toBe('RELEASED');
  });

  it.each([
    ['a holder that is not an SME', { holderId: 'bank' }, 'holderId'],
    ['an unknown commodity', { commodityCode: 'GOLD' }, 'commodityCode'],
    ['a zero quantity', { quantity: '0' }, 'quantity'],
    ['a quantity as a number', { quantity: 5 }, 'quantity'],
    ['five decimals', { quantity: '1.00001' }, 'quantity'],
    ['an unknown field', { ownerName: 'x' }, 'ownerName'],
  ])('refuses %s naming the field, writing nothing', async (_, change: Record<string, unknown>, field) => {
    const before = (await api.owner.query('SELECT count(*) AS n FROM warehouse_receipts'))[0].n;
    const body = {
      receiptNumber: `HBY-BAD-${++seq}`,
      holderId: api.parties.hami,
      commodityCode: 'COAL-5500',
      grade: 'Q',
      quantity: '1',
      location: 'x',
      ...change,
    };
    if (change.holderId === 'bank') body.holderId = api.parties.bank;
    const response = await custodian.post('/warehouse-receipts').send(body).expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await api.owner.query('SELECT count(*) AS n FROM warehouse_receipts'))[0].n).toBe(before);
  });

  it('refuses the same receipt number twice', async () => {
    const receipt = await issue();
    const again = await custodian
      .post('/warehouse-receipts')
      .send({
        receiptNumber: receipt.receiptNumber,
        holderId: api.parties.hami,
        commodityCode: 'COAL-5500',
        grade: 'Q',
        quantity: '1',
        location: 'x',
      })
      .expect(409);
    expect(again.body.code).toBe('WAREHOUSE.DUPLICATE_RECEIPT');
  });
});
