import { ReceivableActivities, receivableConfirmationWorkflowId } from '@caravan/receivables';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';
import { recordHistory } from '../support/histories';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('receivables: register, submit, confirm (HTTP → workflow → PostgreSQL)', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let sme: TokenAgent;
  let debtor: TokenAgent;

  beforeAll(async () => {
    const config = await isolatedConfig('receivables');
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    sme = await api.as(PEOPLE.applicant);
    debtor = await api.as(PEOPLE.payablesClerk);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const count = async (table: string) => Number((await api.owner.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const statusOf = async (id: string) => (await sme.get(`/receivables/${id}`)).body.status as string;
  const actionsOf = async (id: string) =>
    (await api.owner.query(`SELECT action FROM audit_events WHERE entity_type = 'receivable' AND entity_id = $1 ORDER BY id`, [id])).map(
      (e: { action: string }) => e.action,
    );
  const workflowOf = (invoiceNumber: string) =>
    api.temporal.workflow.getHandle(
      receivableConfirmationWorkflowId({ creditorId: api.parties.hami, debtorId: api.parties.powerGroup, invoiceNumber }),
    );

  async function register(overrides: Record<string, unknown> = {}) {
    const response = await sme.post('/receivables').send(receivableBody(api.parties.powerGroup, overrides)).expect(201);
    return response.body as { id: string; invoiceNumber: string; status: string };
  }

  async function submitted(overrides: Record<string, unknown> = {}) {
    const created = await register(overrides);
    await sme.post(`/receivables/${created.id}/submit`).expect(200);
    return created;
  }

  const record = (name: string, invoiceNumber: string) =>
    recordHistory(
      api.temporal,
      receivableConfirmationWorkflowId({ creditorId: api.parties.hami, debtorId: api.parties.powerGroup, invoiceNumber }),
      name,
    );

  it('registers, submits under the business key, and the debtor confirms', async () => {
    const created = await register();
    expect(created).toMatchObject({
      amount: '1250000.00',
      currency: 'CNY',
      status: 'REGISTERED',
      creditorId: api.parties.hami,
      eligibleAmount: '1250000.00',
    });

    const afterSubmit = await sme.post(`/receivables/${created.id}/submit`).expect(200);
    expect(afterSubmit.body.status).toBe('SUBMITTED');
    expect((await workflowOf(created.invoiceNumber).describe()).status.name).toBe('RUNNING');

    const confirmed = await debtor.post(`/receivables/${created.id}/confirm`).send({}).expect(200);
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect((await sme.get(`/receivables/${created.id}`).expect(200)).body).toMatchObject({
      status: 'CONFIRMED',
      amount: '1250000.00',
      issueDate: '2026-11-02',
      dueDate: '2027-01-31',
    });
    expect(await workflowOf(created.invoiceNumber).result()).toEqual({
      stage: 'CONFIRMED',
      decidedBy: expect.stringContaining(PEOPLE.payablesClerk),
    });
    // The workflow's own submit step found the API's and changed nothing: each step once.
    expect(await actionsOf(created.id)).toEqual(['receivable.register', 'receivable.submit', 'receivable.confirm']);
    await record('receivable-confirmation-confirmed', created.invoiceNumber);
  });

  it('keeps the amount exact through PostgreSQL numeric', async () => {
    const created = await register({ amount: '999999999999999.99' });
    expect((await sme.get(`/receivables/${created.id}`)).body.amount).toBe('999999999999999.99');
  });

  it('records a dispute with its reason', async () => {
    const created = await submitted();
    const reason = 'Short delivery: 3 wagons of coal missing at Hami East';
    expect((await debtor.post(`/receivables/${created.id}/dispute`).send({ reason }).expect(200)).body.status).toBe('DISPUTED');
    const [event] = await api.owner.query(`SELECT after FROM audit_events WHERE entity_id = $1 AND action = 'receivable.dispute'`, [
      created.id,
    ]);
    expect(event.after.reason).toBe(reason);
    await record('receivable-confirmation-disputed', created.invoiceNumber);
  });

  it('hides a receivable from a debtor it is not owed to, and refuses their answer as if it did not exist', async () => {
    const created = await submitted();
    // Another core enterprise on the platform:
    const admin = await api.client.login('admin@caravan.example', 'caravan-admin-2026');
    const other = await admin.call('POST', '/organisations', {
      kind: 'CORE_ENTERPRISE',
      name: 'Other Buyer Co',
      creditCode: '91650000MA7BUYER1X',
    });
    await admin.call('POST', `/organisations/${other.id}/users`, {
      email: 'clerk@other.example',
      displayName: 'Other',
      password: 'caravan-demo-2026',
      roles: ['PAYABLES_CLERK'],
    });
    const stranger = await api.as('clerk@other.example');

    const seen = await stranger.get(`/receivables/${created.id}`).expect(404);
    const unknown = await stranger.get('/receivables/0b5c1f8e-0000-4000-8000-000000000000').expect(404);
    expect(seen.body.code).toBe(unknown.body.code);
    await stranger.post(`/receivables/${created.id}/confirm`).send({}).expect(404);
    expect(await statusOf(created.id)).toBe('SUBMITTED');
  });

  it('takes exactly one of two answers sent at the same moment', async () => {
    const created = await submitted();
    const [a, b] = await Promise.all([
      debtor.post(`/receivables/${created.id}/confirm`).send({}),
      (await api.as(PEOPLE.treasurer)).post(`/receivables/${created.id}/dispute`).send({ reason: 'wrong tonnage' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toMatch(/RECEIVABLE\.(ALREADY_DECIDED|NOT_AWAITING_CONFIRMATION)/);
    const decisions = (await actionsOf(created.id)).filter((a: string) => a === 'receivable.confirm' || a === 'receivable.dispute');
    expect(decisions).toHaveLength(1);
  });

  it('refuses a second answer after the first', async () => {
    const created = await submitted();
    await debtor.post(`/receivables/${created.id}/confirm`).send({}).expect(200);
    const again = await debtor.post(`/receivables/${created.id}/dispute`).send({ reason: 'changed my mind' }).expect(409);
    expect(again.body.code).toBe('RECEIVABLE.NOT_AWAITING_CONFIRMATION');
  });

  it('applies an activity retried with the same idempotency key once', async () => {
    const created = await submitted();
    const activities = api.app.get(ReceivableActivities);
    const input = {
      receivableId: created.id,
      idempotencyKey: `${created.id}/manual-retry`,
      decision: 'CONFIRM' as const,
      actor: 'retry-test',
    };
    await expect(activities.recordConfirmationDecision(input)).resolves.toBe('CONFIRMED');
    await expect(activities.recordConfirmationDecision(input)).resolves.toBe('CONFIRMED');
    expect(await api.owner.query('SELECT 1 FROM audit_events WHERE idempotency_key = $1', [input.idempotencyKey])).toHaveLength(1);
  });

  it('dilutes by credit notes and returns, never below zero, once per reference', async () => {
    const created = await register({ amount: '100000.00' });
    const note = { kind: 'CREDIT_NOTE', reference: 'CN-1', amount: '25000.00', reason: 'price adjustment' };
    expect((await sme.post(`/receivables/${created.id}/dilutions`).send(note).expect(200)).body).toMatchObject({
      dilutedAmount: '25000.00',
      eligibleAmount: '75000.00',
    });
    const again = await debtor.post(`/receivables/${created.id}/dilutions`).send(note);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'RECEIVABLE.DUPLICATE_DILUTION', errors: [{ field: 'reference' }] });
    const tooMuch = await debtor
      .post(`/receivables/${created.id}/dilutions`)
      .send({ ...note, reference: 'RT-1', kind: 'RETURN', amount: '75000.01' })
      .expect(422);
    expect(tooMuch.body).toMatchObject({ code: 'RECEIVABLE.DILUTION_EXCEEDS_ELIGIBLE', errors: [{ field: 'amount' }] });
    expect((await sme.get(`/receivables/${created.id}`)).body.eligibleAmount).toBe('75000.00');
  });

  it('cancels a submitted receivable and stops its workflow', async () => {
    const created = await submitted();
    const cancelled = await sme.post(`/receivables/${created.id}/cancel`).send({ reason: 'invoice reissued' }).expect(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    await eventually(
      async () => ((await workflowOf(created.invoiceNumber).describe()).status.name === 'CANCELLED' ? true : undefined),
      'workflow cancelled',
    );
    await debtor.post(`/receivables/${created.id}/confirm`).send({}).expect(409);
  });

  it('refuses the same invoice twice and keeps one row', async () => {
    const first = await register();
    const duplicate = await sme
      .post('/receivables')
      .send(receivableBody(api.parties.powerGroup, { invoiceNumber: first.invoiceNumber, amount: '10.00' }))
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'RECEIVABLE.DUPLICATE_INVOICE', errors: [{ field: 'invoiceNumber' }] });
    expect(await api.owner.query('SELECT amount FROM receivables WHERE invoice_number = $1', [first.invoiceNumber])).toEqual([
      { amount: '1250000.00' },
    ]);
  });

  it('lists what the caller may see, filtered and paginated', async () => {
    const mine = await sme.get('/receivables?limit=2&offset=0').expect(200);
    expect(mine.body).toMatchObject({ limit: 2, offset: 0 });
    expect(mine.body.items).toHaveLength(2);
    expect(mine.body.total).toBeGreaterThan(2);
    const confirmed = await sme.get('/receivables?status=CONFIRMED&limit=100').expect(200);
    expect(confirmed.body.items.every((r: { status: string }) => r.status === 'CONFIRMED')).toBe(true);
    const bank = await (await api.as(PEOPLE.creditOfficer)).get('/receivables').expect(200);
    expect(bank.body.total).toBe(0); // nothing is pledged to the bank yet
    await sme.get('/receivables?limit=1000').expect(400);
  });

  describe('bad input gets a 4xx problem naming the field, and nothing is written', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a malformed amount', { amount: '12.3.4' }, 'amount'],
      ['an amount in exponent form', { amount: '1e6' }, 'amount'],
      ['an amount as a JSON number', { amount: 1250000 }, 'amount'],
      ['a negative amount', { amount: '-100.00' }, 'amount'],
      ['a zero amount', { amount: '0.00' }, 'amount'],
      ['a third decimal', { amount: '100.005' }, 'amount'],
      ['an amount beyond what the ledger holds once interest is added', { amount: '1000000000000000.00' }, 'amount'],
      ['an unknown field', { advanceRate: '0.9' }, 'advanceRate'],
      ['a creditor in the body (it is the caller)', { creditorId: '0b5c1f8e-0000-4000-8000-000000000000' }, 'creditorId'],
      ['a missing debtor', { debtorId: undefined }, 'debtorId'],
      ['a debtor that is not a uuid', { debtorId: 'power-group' }, 'debtorId'],
      ['a debtor that is not a core enterprise', { debtorId: 'bank' }, 'debtorId'],
      ['an impossible date', { issueDate: '2026-02-30' }, 'issueDate'],
      ['a due date before the issue date', { dueDate: '2026-10-01' }, 'dueDate'],
      ['an unsupported currency', { currency: 'XAU' }, 'currency'],
      ['a waybill list that is not a list', { waybillRefs: 'WB-1' }, 'waybillRefs'],
    ];

    it.each(cases)('%s', async (_, change, field) => {
      const before = await count('receivables');
      const body = receivableBody(api.parties.powerGroup, change);
      if (change.debtorId === 'bank') body.debtorId = api.parties.bank;
      const response = await sme.post('/receivables').send(body);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('receivables')).toBe(before);
    });

    it('malformed JSON', async () => {
      const before = await count('receivables');
      const response = await sme.post('/receivables').set('content-type', 'application/json').send('{"amount": "1.00",');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('REQUEST.MALFORMED_JSON');
      expect(await count('receivables')).toBe(before);
    });

    it('a dispute without a reason', async () => {
      const created = await submitted();
      const response = await debtor.post(`/receivables/${created.id}/dispute`).send({}).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      expect(await actionsOf(created.id)).not.toContain('receivable.dispute');
    });

    it('an id that is not a uuid, and one that does not exist', async () => {
      expect((await sme.get('/receivables/42').expect(400)).body).toMatchObject({ errors: [{ field: 'id' }] });
      expect((await sme.get('/receivables/0b5c1f8e-0000-4000-8000-000000000000').expect(404)).body.code).toBe('RECEIVABLE.NOT_FOUND');
    });
  });

  it('reports health and serves the OpenAPI document', async () => {
    expect((await api.http().get('/health').expect(200)).body).toEqual({ status: 'up', checks: { database: 'up', temporal: 'up' } });
    const doc = (await api.http().get('/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/receivables', '/receivables/{id}', '/receivables/{id}/confirm', '/health', '/auth/login']),
    );
    expect(doc.components.schemas.RegisterReceivableDto.properties.amount).toMatchObject({ type: 'string', example: '1250000.00' });
  });
});
