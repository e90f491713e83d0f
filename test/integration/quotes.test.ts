import { BusinessClock } from '@caravan/clock';
import { addDays, financingWorkflowId } from '@caravan/financing';
import type { TestApi } from '../support/api';
import {
  adoptPolicy,
  confirmedReceivable,
  Desk,
  POLICY,
  reaches,
  recordPayment,
  startFinancingStack,
  timeline,
} from '../support/financing';
import { recordHistory } from '../support/histories';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * The trial's quote holds (issue 13, item 3): an application refers to it and books its policy
 * version and terms, even after the bank adopts another; the SME accepts the schedule re-based
 * to the day it accepts, and exactly that schedule is booked.
 */
describe('quotes: the trial is what is booked', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  const today = () => new BusinessClock('Asia/Shanghai').today();
  const application = (assetId: string, amount = '800000.00') => ({
    product: 'RECEIVABLE_FINANCING',
    assetId,
    bankId: api.parties.bank,
    amount,
  });
  const quote = async (body: object) => (await d.sme.post('/financings/trial').send(body).expect(200)).body;

  beforeAll(async () => {
    const stack = await startFinancingStack('quotes');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('quotes with the policy version, from today, valid to the end of the day after tomorrow; the SME reads it back', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    const q = await quote(application(receivable));
    expect(q).toMatchObject({
      policyVersion: 1,
      startDate: today(),
      validThrough: addDays(today(), 2),
      amount: '800000.00',
      maxAmount: '800000.00',
      terms: { annualRate: '0.0435' },
      schedule: { totalInterest: '1933.33', fee: '800.00' },
    });
    expect(q).not.toHaveProperty('tiers');
    expect((await d.sme.get(`/financings/quotes/${q.quoteId}`).expect(200)).body).toEqual(q);
    const [audit] = await api.owner.query(`SELECT action FROM audit_events WHERE entity_id = $1`, [q.quoteId]);
    expect(audit).toEqual({ action: 'financing.quote' });
  });

  it('refuses an application without a quote, unlike it, after it expired, or a second time', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    const body = application(receivable);
    const q = await quote(body);
    const apply = (extra: object) => d.sme.post('/financings').send({ ...body, quoteId: q.quoteId, ...extra });
    expect((await d.sme.post('/financings').send(body).expect(400)).body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'quoteId' })]),
    );
    expect((await apply({ amount: '700000.00' }).expect(422)).body).toMatchObject({
      code: 'FINANCING.QUOTE_MISMATCH',
      errors: [{ field: 'amount' }],
    });
    expect((await apply({ quoteId: '00000000-0000-4000-8000-000000000000' }).expect(404)).body.code).toBe('FINANCING.QUOTE_NOT_FOUND');
    await api.owner.query(`UPDATE financing_quotes SET start_date = $2::date - 3, valid_through = $2::date - 1 WHERE id = $1`, [
      q.quoteId,
      today(),
    ]);
    expect((await apply({}).expect(409)).body.code).toBe('FINANCING.QUOTE_EXPIRED');
    const fresh = await quote(body);
    const applied = (
      await d.sme
        .post('/financings')
        .send({ ...body, quoteId: fresh.quoteId })
        .expect(201)
    ).body;
    expect(applied.policyVersion).toBe(1);
    expect(
      (
        await d.sme
          .post('/financings')
          .send({ ...body, quoteId: fresh.quoteId })
          .expect(409)
      ).body.code,
    ).toBe('FINANCING.QUOTE_USED');
  });

  it('books a financing under the quoted policy version after the bank adopted another, as the SME accepted it (replayed)', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    const old = await quote(application(receivable));
    const dearer = { annualRate: '0.0600', penaltyRate: '0.0900', upfrontFeeRate: '0.003' };
    await adoptPolicy(d, {
      ...POLICY,
      pricing: { ...POLICY.pricing, RECEIVABLE_FINANCING: { ...POLICY.pricing.RECEIVABLE_FINANCING, ...dearer } },
    });
    expect(await quote(application(receivable))).toMatchObject({ policyVersion: 2, terms: dearer, schedule: { totalInterest: '2666.67' } });

    const { id, ref } = (
      await d.sme
        .post('/financings')
        .send({ ...application(receivable), quoteId: old.quoteId })
        .expect(201)
    ).body;
    await reaches(d, id, 'AWAITING_COUNTERPARTY');
    await d.debtor.post(`/financings/${id}/acknowledge`).send({}).expect(200);
    await reaches(d, id, 'AWAITING_RECOMMENDATION');
    await d.maker.post(`/financings/${id}/recommend`).send({}).expect(200);
    await reaches(d, id, 'AWAITING_APPROVAL');
    await d.approverA.post(`/financings/${id}/approve`).send({}).expect(200);
    await reaches(d, id, 'AWAITING_ACCEPTANCE');

    // what the SME accepts: the quote's terms from today (the quote's day here, so its very figures)
    const { offer, policyVersion } = (await d.sme.get(`/financings/${id}`).expect(200)).body;
    expect(policyVersion).toBe(1);
    const { annualRate, penaltyRate, upfrontFeeRate, dayCount } = old.terms;
    expect(offer).toEqual({ startDate: today(), schedule: old.schedule, annualRate, penaltyRate, upfrontFeeRate, dayCount });
    const stale = await d.sme
      .post(`/financings/${id}/accept`)
      .send({ startDate: addDays(today(), -1) })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'FINANCING.OFFER_CHANGED', errors: [{ field: 'startDate' }] });
    await d.sme.post(`/financings/${id}/accept`).send({ startDate: offer.startDate }).expect(200);
    await reaches(d, id, 'REPAYING');

    const booked = (await d.sme.get(`/financings/${id}`).expect(200)).body;
    expect(booked.state.schedule).toEqual(offer.schedule);
    expect(booked.state.book).toMatchObject({ annualRate: '0.0435', penaltyRate: '0.0653' });
    expect((await timeline(d, id)).find((e) => e.step === 'offer.accepted')).toMatchObject({ detail: { startDate: offer.startDate } });
    await recordPayment(d, id, 'QUOTED-PAY', '1000000.00');
    await reaches(d, id, 'CLOSED');
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-quoted-older-policy');
  });
});
