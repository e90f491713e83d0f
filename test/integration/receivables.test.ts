import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ReceivableActivities } from '../../libs/receivables/src';
import { receivableConfirmationWorkflowId } from '../../libs/temporal/src';
import { startApi, TestApi } from '../support/api';
import { confirmation, creditorId, debtorId, receivableBody } from '../support/receivables';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

const PROBLEM_JSON = /^application\/problem\+json/;

describe('receivable confirmation slice (HTTP → workflow → PostgreSQL)', () => {
  let api: TestApi;
  let worker: WorkerProcess;

  beforeAll(async () => {
    const config = await isolatedConfig('receivables');
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const count = async (table: string) => Number((await api.db.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const statusOf = async (id: string) => (await api.http().get(`/receivables/${id}`)).body.status as string;
  const submitted = (id: string) =>
    eventually(async () => ((await statusOf(id)) === 'SUBMITTED' ? true : undefined), 'submission');

  async function register(overrides: Record<string, unknown> = {}) {
    const response = await api.http().post('/receivables').send(receivableBody(overrides)).expect(201);
    return response.body as { id: string; invoiceNumber: string; status: string };
  }

  async function recordHistory(name: string, invoiceNumber: string) {
    if (!process.env.RECORD_HISTORIES) return;
    const handle = api.temporal.workflow.getHandle(receivableConfirmationWorkflowId({ creditorId, debtorId, invoiceNumber }));
    await handle.result();
    await writeFile(resolve(__dirname, '../replay/histories', `${name}.json`), historyToJSON(await handle.fetchHistory()));
  }

  it('registers a receivable, starts its workflow under the business key, and the debtor confirms it', async () => {
    const created = await register();
    expect(created).toMatchObject({ amount: '1250000.00', currency: 'CNY', status: 'REGISTERED', creditorId, debtorId });

    const handle = api.temporal.workflow.getHandle(
      receivableConfirmationWorkflowId({ creditorId, debtorId, invoiceNumber: created.invoiceNumber }),
    );
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await submitted(created.id);

    const confirmed = await api.http().post(`/receivables/${created.id}/confirm`).send(confirmation).expect(200);
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect((await api.http().get(`/receivables/${created.id}`).expect(200)).body).toMatchObject({
      status: 'CONFIRMED',
      amount: '1250000.00',
      issueDate: '2026-11-02',
      dueDate: '2027-01-31',
    });
    expect(await handle.result()).toEqual({ stage: 'CONFIRMED', decidedBy: confirmation.actor });

    const events = await api.db.query(
      'SELECT transition, from_status, to_status, actor FROM receivable_events WHERE receivable_id = $1 ORDER BY id',
      [created.id],
    );
    expect(events).toEqual([
      { transition: 'submit', from_status: 'REGISTERED', to_status: 'SUBMITTED', actor: 'system:confirmation-workflow' },
      { transition: 'confirm', from_status: 'SUBMITTED', to_status: 'CONFIRMED', actor: confirmation.actor },
    ]);
    await recordHistory('receivable-confirmation-confirmed', created.invoiceNumber);
  });

  it('keeps the amount exact through PostgreSQL numeric', async () => {
    const created = await register({ amount: '99999999999999999.99' });
    expect((await api.http().get(`/receivables/${created.id}`)).body.amount).toBe('99999999999999999.99');
  });

  it('records a dispute with its reason', async () => {
    const created = await register();
    const reason = 'Short delivery: 3 wagons of coal missing at Hami East';
    const disputed = await api.http().post(`/receivables/${created.id}/dispute`).send({ ...confirmation, reason }).expect(200);
    expect(disputed.body.status).toBe('DISPUTED');
    const [event] = await api.db.query(`SELECT reason FROM receivable_events WHERE receivable_id = $1 AND transition = 'dispute'`, [created.id]);
    expect(event.reason).toBe(reason);
    await recordHistory('receivable-confirmation-disputed', created.invoiceNumber);
  });

  it('refuses an answer from anyone but the debtor, and a second answer', async () => {
    const created = await register();
    await submitted(created.id);
    const stranger = await api
      .http()
      .post(`/receivables/${created.id}/confirm`)
      .send({ ...confirmation, debtorId: creditorId })
      .expect(403);
    expect(stranger.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(stranger.body).toMatchObject({ code: 'RECEIVABLE.NOT_DEBTOR', errors: [{ field: 'debtorId' }] });
    expect(await statusOf(created.id)).toBe('SUBMITTED');

    await api.http().post(`/receivables/${created.id}/confirm`).send(confirmation).expect(200);
    const again = await api.http().post(`/receivables/${created.id}/dispute`).send({ ...confirmation, reason: 'changed my mind' }).expect(409);
    expect(again.body.code).toBe('RECEIVABLE.NOT_AWAITING_CONFIRMATION');
    expect(await statusOf(created.id)).toBe('CONFIRMED');
  });

  it('takes exactly one of two answers sent at the same moment', async () => {
    const created = await register();
    await submitted(created.id);
    const [a, b] = await Promise.all([
      api.http().post(`/receivables/${created.id}/confirm`).send(confirmation),
      api.http().post(`/receivables/${created.id}/dispute`).send({ ...confirmation, reason: 'wrong tonnage' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('RECEIVABLE.ALREADY_DECIDED');
    const decisions = await api.db.query(
      `SELECT transition FROM receivable_events WHERE receivable_id = $1 AND transition IN ('confirm', 'dispute')`,
      [created.id],
    );
    expect(decisions).toHaveLength(1);
  });

  it('applies an activity retried with the same idempotency key once', async () => {
    const created = await register();
    await submitted(created.id);
    const activities = api.app.get(ReceivableActivities);
    const input = { receivableId: created.id, idempotencyKey: `${created.id}/manual-retry`, decision: 'CONFIRM' as const, actor: 'retry-test' };
    await expect(activities.recordConfirmationDecision(input)).resolves.toBe('CONFIRMED');
    await expect(activities.recordConfirmationDecision(input)).resolves.toBe('CONFIRMED');
    const rows = await api.db.query(`SELECT 1 FROM receivable_events WHERE idempotency_key = $1`, [input.idempotencyKey]);
    expect(rows).toHaveLength(1);
  });

  it('refuses the same invoice twice and keeps one row', async () => {
    const first = await register();
    const duplicate = await api
      .http()
      .post('/receivables')
      .send(receivableBody({ invoiceNumber: first.invoiceNumber, amount: '10.00' }))
      .expect(409);
    expect(duplicate.body).toMatchObject({ code: 'RECEIVABLE.DUPLICATE_INVOICE', errors: [{ field: 'invoiceNumber' }] });
    const rows = await api.db.query('SELECT amount FROM receivables WHERE invoice_number = $1', [first.invoiceNumber]);
    expect(rows).toEqual([{ amount: '1250000.00' }]);
  });

  describe('bad input gets a 4xx problem naming the field, and nothing is written', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['a malformed amount', { amount: '12.3.4' }, 'amount'],
      ['an amount in exponent form', { amount: '1e6' }, 'amount'],
      ['an amount as a JSON number', { amount: 1250000 }, 'amount'],
      ['a negative amount', { amount: '-100.00' }, 'amount'],
      ['a zero amount', { amount: '0.00' }, 'amount'],
      ['a third decimal', { amount: '100.005' }, 'amount'],
      ['an unknown field', { advanceRate: '0.9' }, 'advanceRate'],
      ['a missing debtor', { debtorId: undefined }, 'debtorId'],
      ['a debtor that is not a uuid', { debtorId: 'power-group' }, 'debtorId'],
      ['an impossible date', { issueDate: '2026-02-30' }, 'issueDate'],
      ['a due date before the issue date', { dueDate: '2026-10-01' }, 'dueDate'],
      ['the creditor as its own debtor', { debtorId: creditorId }, 'debtorId'],
      ['an unsupported currency', { currency: 'XAU' }, 'currency'],
      ['a waybill list that is not a list', { waybillRefs: 'WB-1' }, 'waybillRefs'],
    ];

    it.each(cases)('%s', async (_, change, field) => {
      const before = await count('receivables');
      const response = await api.http().post('/receivables').send(receivableBody(change));
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('receivables')).toBe(before);
    });

    it('malformed JSON', async () => {
      const before = await count('receivables');
      const response = await api.http().post('/receivables').set('content-type', 'application/json').send('{"amount": "1.00",');
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('REQUEST.MALFORMED_JSON');
      expect(await count('receivables')).toBe(before);
    });

    it('a dispute without a reason', async () => {
      const created = await register();
      const response = await api.http().post(`/receivables/${created.id}/dispute`).send(confirmation).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      expect(await count('receivable_events')).toBeGreaterThanOrEqual(0);
      expect(await api.db.query(`SELECT 1 FROM receivable_events WHERE receivable_id = $1 AND transition = 'dispute'`, [created.id])).toEqual([]);
    });

    it('an id that is not a uuid, and one that does not exist', async () => {
      expect((await api.http().get('/receivables/42').expect(400)).body).toMatchObject({ errors: [{ field: 'id' }] });
      expect((await api.http().get('/receivables/0b5c1f8e-0000-4000-8000-000000000000').expect(404)).body.code).toBe('RECEIVABLE.NOT_FOUND');
    });
  });

  it('reports health and serves the OpenAPI document', async () => {
    expect((await api.http().get('/health').expect(200)).body).toEqual({ status: 'up', checks: { database: 'up', temporal: 'up' } });
    const doc = (await api.http().get('/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/receivables', '/receivables/{id}', '/receivables/{id}/confirm', '/health']));
    expect(doc.components.schemas.RegisterReceivableDto.properties.amount).toMatchObject({ type: 'string', example: '1250000.00' });
  });
});
