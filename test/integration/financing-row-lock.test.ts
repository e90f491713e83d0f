import { randomUUID } from 'node:crypto';
import { FinancingActivities, FinancingState } from '@caravan/financing';
import { PEOPLE, startApi, TestApi } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';

/**
 * A person's command may hold its transaction open, having written a row that references the
 * financing (which takes a key-share lock on it), while it waits on the workflow; the workflow's
 * next step writes the financing's row. That write must not wait on the key-share lock, or the
 * API and the worker wait on each other (the portal journey's acceptance once did).
 */
describe('the financing row under a person’s open transaction', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('financing-row-lock'));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('a workflow step writes the row while another transaction holds a key-share lock on it', async () => {
    const sme = await api.as(PEOPLE.applicant);
    const { body: receivable } = await sme
      .post('/receivables')
      .send(receivableBody(api.parties.powerGroup, { invoiceNumber: 'LOCK-1', amount: '1000.00' }))
      .expect(201);
    const financingId = randomUUID();
    await api.owner.query(
      `INSERT INTO financings (id, ref, product, sme_id, bank_id, counterparty_id, asset_type, asset_id, amount, currency, terms, stage, state, created_at, updated_at)
       VALUES ($1, 'LOCK-1', 'RECEIVABLE_FINANCING', $2, $3, $4, 'RECEIVABLE', $5, '800.00', 'CNY', '{}', 'AWAITING_ACCEPTANCE', '{}', now(), now())`,
      [financingId, api.parties.hami, api.parties.bank, api.parties.powerGroup, receivable.id],
    );

    const person = api.owner.createQueryRunner();
    await person.connect();
    await person.startTransaction();
    try {
      await person.query(`INSERT INTO financing_events (financing_id, seq, step, actor, detail) VALUES ($1, 1, 'accepted', 'sme', '{}')`, [
        financingId,
      ]);
      const state = { stage: 'REPAYING' } as FinancingState;
      const step = api.app
        .get(FinancingActivities)
        .recordEvent({ bankId: api.parties.bank, financingId, seq: 2, step: 'disbursement-started', actor: 'system', detail: {}, state });
      const waited = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5_000).unref());
      expect(await Promise.race([step.then(() => 'written' as const), waited])).toBe('written');
    } finally {
      await person.rollbackTransaction();
      await person.release();
    }
    const [row] = await api.owner.query('SELECT stage, state_seq FROM financings WHERE id = $1', [financingId]);
    expect(row).toEqual({ stage: 'REPAYING', state_seq: 2 });
  });
});
