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

  it('refuses to edit or delete history, even from SQL: the apps hold no such privilege, and the owner meets the trigger', async () => {
    for (const db of [api.db, api.owner]) {
      const refused = db === api.db ? /permission denied/ : /append-only/;
      await expect(db.query(`UPDATE audit_events SET actor_label = 'someone else'`)).rejects.toThrow(refused);
      await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(refused);
      await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(refused);
    }
  });
});
