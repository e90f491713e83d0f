import { DEFAULT_POLICY } from '@caravan/financing';
import { DEMO_ADMIN } from '../../scripts/demo-data';
import { PEOPLE, startApi, TestApi } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';

/**
 * Per endpoint: a bad body gets a 400 problem+json naming the field, and the table the
 * endpoint writes to is unchanged (as is the audit trail).
 */
describe('bad input on every endpoint that writes', () => {
  let api: TestApi;
  let receivableId: string;
  let receiptId: string;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('bad_input'));
    const admin = await api.client.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
    await admin.call('PUT', '/commodities/COAL-5500', { name: 'Thermal coal', unit: 't', haircut: '0.15' });
    receivableId = (await (await api.as(PEOPLE.applicant)).post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201))
      .body.id;
    receiptId = (
      await (
        await api.as(PEOPLE.custodian)
      )
        .post('/warehouse-receipts')
        .send({ receiptNumber: 'B-1', holderId: api.parties.hami, commodityCode: 'COAL-5500', grade: 'Q', quantity: '10', location: 'bay' })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  type Case = [
    string,
    string | 'admin',
    'post' | 'put',
    (ids: { receivable: string; receipt: string; hami: string }) => string,
    object,
    string,
    string,
  ];
  const cases: Case[] = [
    ['login without a password', PEOPLE.applicant, 'post', () => '/auth/login', { email: 'a@b.example' }, 'password', 'users'],
    [
      'an organisation of an unknown kind',
      'admin',
      'post',
      () => '/organisations',
      { kind: 'TRADER', name: 'X Co', creditCode: '91650000MA7CARRY3X' },
      'kind',
      'organisations',
    ],
    [
      'an organisation with a malformed credit code',
      'admin',
      'post',
      () => '/organisations',
      { kind: 'SME', name: 'X Co', creditCode: '123' },
      'creditCode',
      'organisations',
    ],
    [
      'a user with a role of another kind of organisation',
      'admin',
      'post',
      (i) => `/organisations/${i.hami}/users`,
      { email: 'x@hami.example', displayName: 'X', password: 'long-enough-pw', roles: ['APPROVER'] },
      'roles',
      'users',
    ],
    [
      'a user with a short password',
      'admin',
      'post',
      (i) => `/organisations/${i.hami}/users`,
      { email: 'x@hami.example', displayName: 'X', password: 'short', roles: ['APPLICANT'] },
      'password',
      'users',
    ],
    [
      'an approval authority on a non-approver',
      'admin',
      'post',
      (i) => `/organisations/${i.hami}/users`,
      { email: 'x@hami.example', displayName: 'X', password: 'long-enough-pw', roles: ['APPLICANT'], approvalAuthority: '1.00' },
      'approvalAuthority',
      'users',
    ],
    [
      'a dilution as a number',
      PEOPLE.applicant,
      'post',
      (i) => `/receivables/${i.receivable}/dilutions`,
      { kind: 'RETURN', reference: 'R', amount: 5, reason: 'r' },
      'amount',
      'receivable_dilutions',
    ],
    [
      'a dilution of an unknown kind',
      PEOPLE.applicant,
      'post',
      (i) => `/receivables/${i.receivable}/dilutions`,
      { kind: 'REBATE', reference: 'R', amount: '5.00', reason: 'r' },
      'kind',
      'receivable_dilutions',
    ],
    [
      'a cancellation without a reason',
      PEOPLE.applicant,
      'post',
      (i) => `/receivables/${i.receivable}/cancel`,
      {},
      'reason',
      'audit_events',
    ],
    [
      'a policy proposal with a zero tier',
      PEOPLE.creditOfficer,
      'post',
      () => '/financing-policy/proposals',
      { ...DEFAULT_POLICY, tiers: [{ upTo: null, approvals: 0 }] },
      'tiers',
      'dual_control_requests',
    ],
    [
      'a policy proposal without tiers',
      PEOPLE.creditOfficer,
      'post',
      () => '/financing-policy/proposals',
      { ...DEFAULT_POLICY, tiers: [] },
      'tiers',
      'dual_control_requests',
    ],
    [
      'a limit reservation without subjects',
      PEOPLE.creditOfficer,
      'post',
      () => '/credit-limits/reservations',
      { reference: 'R', amount: '5.00', subjects: [] },
      'subjects',
      'limit_reservations',
    ],
    [
      'a limit reservation with a malformed subject',
      PEOPLE.creditOfficer,
      'post',
      () => '/credit-limits/reservations',
      { reference: 'R', amount: '5.00', subjects: [{ kind: 'SME' }] },
      'subjects.0.subject',
      'limit_reservations',
    ],
    [
      'a commodity with a haircut of 1',
      'admin',
      'put',
      () => '/commodities/WHEAT',
      { name: 'Wheat', unit: 't', haircut: '1' },
      'haircut',
      'commodities',
    ],
    [
      'a commodity code in lower case',
      'admin',
      'put',
      () => '/commodities/wheat',
      { name: 'Wheat', unit: 't', haircut: '0.1' },
      'code',
      'commodities',
    ],
    [
      'a price on an impossible date',
      'admin',
      'post',
      () => '/commodities/COAL-5500/prices',
      { date: '2026-13-01', price: '1.00', source: 's' },
      'date',
      'commodity_prices',
    ],
    [
      'a negative price',
      'admin',
      'post',
      () => '/commodities/COAL-5500/prices',
      { date: '2026-11-01', price: '-1.00', source: 's' },
      'price',
      'commodity_prices',
    ],
    [
      'a split with a malformed quantity',
      PEOPLE.custodian,
      'post',
      (i) => `/warehouse-receipts/${i.receipt}/split`,
      { quantities: ['5', 'five'] },
      'quantities',
      'warehouse_receipts',
    ],
    [
      'a split that does not add up',
      PEOPLE.custodian,
      'post',
      (i) => `/warehouse-receipts/${i.receipt}/split`,
      { quantities: ['5', '4'] },
      'quantities',
      'warehouse_receipts',
    ],
    // found by the fuzzer (npm run test:fuzz): each was a 500
    [
      'a release of a null amount',
      PEOPLE.creditOfficer,
      'post',
      () => '/credit-limits/reservations/R-1/release',
      { amount: null },
      'amount',
      'limit_reservations',
    ],
    [
      'a CSV mapping without columns',
      PEOPLE.backOffice,
      'put',
      () => '/statements/csv-mappings/ACC-1',
      { delimiter: ',', hasHeader: false, decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', currency: 'CNY' },
      'columns',
      'csv_mappings',
    ],
  ];

  it('refuses an offset beyond any page, empty or repeated (found by the fuzzer: a 500, then a silent 0)', async () => {
    const backOffice = await api.as(PEOPLE.backOffice);
    for (const [path, field] of [
      ['/statements?offset=1.5e308', 'offset'],
      ['/reconciliation/runs?offset=', 'offset'],
      ['/receivables?offset=1&offset=2', 'offset'],
      ['/statements?limit=ten', 'limit'],
    ]) {
      const response = await backOffice.get(path).expect(400);
      expect([...new Set(response.body.errors.map((e: { field: string }) => e.field))]).toEqual([field]);
    }
  });

  it('refuses text with a NUL character in a query, a path or a body (found by the fuzzer: a 500 from PostgreSQL)', async () => {
    const custodian = await api.as(PEOPLE.custodian);
    const query = await custodian.get('/warehouse-receipts?commodityCode=AB%00C').expect(400);
    expect(query.body.errors).toEqual([expect.objectContaining({ field: 'commodityCode' })]);
    const backOffice = await api.as(PEOPLE.backOffice);
    await backOffice.put('/statements/csv-mappings/A%00B').send({}).expect(400);
    const sme = await api.as(PEOPLE.applicant);
    const body = await sme
      .post('/receivables')
      .send({ ...receivableBody(api.parties.powerGroup), invoiceNumber: 'HM\u0000-1' })
      .expect(400);
    expect(body.body.errors).toEqual([expect.objectContaining({ field: 'invoiceNumber' })]);
  });

  it.each(cases)('%s', async (_, who, method, path, body, field, table) => {
    const count = async () => Number((await api.owner.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    const audit = async () => Number((await api.owner.query('SELECT count(*) AS n FROM audit_events'))[0].n);
    const [rowsBefore, auditBefore] = [await count(), await audit()];
    const agent = who === 'admin' ? await api.as(DEMO_ADMIN.email, DEMO_ADMIN.password) : await api.as(who);
    const response = await agent[method](path({ receivable: receivableId, receipt: receiptId, hami: api.parties.hami })).send(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await count()).toBe(rowsBefore);
    expect(await audit()).toBe(auditBefore);
  });

  it('answers oversized bodies, deep JSON and wrong content types with a 4xx problem, writing nothing', async () => {
    const sme = await api.as(PEOPLE.applicant);
    const count = async () => Number((await api.owner.query('SELECT count(*) AS n FROM receivables'))[0].n);
    const before = await count();
    const body = receivableBody(api.parties.powerGroup);
    const oversized = await sme.post('/receivables').send({ ...body, waybillRefs: Array.from({ length: 50_000 }, (_, i) => `WB-${i}`) });
    expect(oversized.status).toBe(413);
    expect(oversized.headers['content-type']).toMatch(/^application\/problem\+json/);
    const deep = '{"a":'.repeat(50_000) + '1' + '}'.repeat(50_000);
    const nested = await sme.post('/receivables').set('content-type', 'application/json').send(deep);
    expect(nested.status).toBeGreaterThanOrEqual(400);
    expect(nested.status).toBeLessThan(500);
    const text = await sme.post('/receivables').set('content-type', 'text/plain').send(JSON.stringify(body));
    expect(text.status).toBe(400);
    const xml = await sme.post('/receivables').set('content-type', 'application/xml').send('<receivable/>');
    expect(xml.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
