import { PEOPLE, startApi, TestApi } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';

describe('audit trail: who, when, what, before and after; append-only', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('audit'));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('records each change with its actor and before/after, readable by the auditor', async () => {
    const sme = await api.as(PEOPLE.applicant);
    const { id } = (
      await sme
        .post('/receivables')
        .send(receivableBody(api.parties.powerGroup, { amount: '5000.00' }))
        .expect(201)
    ).body;
    await sme
      .post(`/receivables/${id}/dilutions`)
      .send({ kind: 'CREDIT_NOTE', reference: 'CN-9', amount: '500.00', reason: 'discount' })
      .expect(200);

    const auditor = await api.as('auditor@caravan.example');
    const trail = (await auditor.get(`/audit-events?entityType=receivable&entityId=${id}`).expect(200)).body;
    expect(trail.items.map((e: { action: string }) => e.action)).toEqual(['receivable.dilute', 'receivable.register']);
    const [dilution] = trail.items;
    expect(dilution).toMatchObject({
      actorLabel: PEOPLE.applicant,
      actorOrganisationId: api.parties.hami,
      before: { status: 'REGISTERED', dilutedAmount: '0.00' },
      after: { status: 'REGISTERED', dilutedAmount: '500.00' },
    });
    expect(new Date(dilution.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('finds events by who acted (any case, % and _ literal) and by time, the total counting what the filter keeps', async () => {
    const since = new Date().toISOString();
    const sme = await api.as(PEOPLE.financeManager);
    await sme
      .post('/receivables')
      .send(receivableBody(api.parties.powerGroup, { amount: '700.00' }))
      .expect(201);
    await sme
      .post('/receivables')
      .send(receivableBody(api.parties.powerGroup, { amount: '800.00' }))
      .expect(201);
    const admin = await api.as('admin@caravan.example', 'caravan-admin-2026');
    const actor = encodeURIComponent(PEOPLE.financeManager.toUpperCase());
    const mine = (await admin.get(`/audit-events?actor=${actor}&from=${since}`).expect(200)).body;
    expect(mine.total).toBe(2);
    expect(mine.items.map((e: { actorLabel: string }) => e.actorLabel)).toEqual([PEOPLE.financeManager, PEOPLE.financeManager]);
    expect((await admin.get(`/audit-events?actor=finance%25&from=${since}`).expect(200)).body.total).toBe(0);
    expect((await admin.get(`/audit-events?actor=${actor}&to=${since}`).expect(200)).body.total).toBe(0);
    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await admin.get(`/audit-events?from=${later}`).expect(200)).body.total).toBe(0);
    expect((await admin.get('/audit-events?from=yesterday').expect(400)).body.code).toBe('REQUEST.INVALID');
  });

  it('refuses to edit or delete history, even from SQL: the apps hold no such privilege, and the owner meets the trigger', async () => {
    for (const db of [api.db, api.owner]) {
      const refused = db === api.db ? /permission denied/ : /append-only/;
      await expect(db.query(`UPDATE audit_events SET actor_label = 'someone else'`)).rejects.toThrow(refused);
      await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(refused);
      await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(refused);
    }
  });
});
