import { Money } from '@caravan/money';
import { DEMO_ORGANISATIONS } from '../../scripts/demo-data';
import type { TestApi } from '../support/api';
import { applyFor, confirmedReceivable, Desk, reaches, startFinancingStack } from '../support/financing';
import { onboardRival, Rival } from '../support/two-banks';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

const nameOf = (email: string) =>
  Object.values(DEMO_ORGANISATIONS)
    .flatMap((o) => o.users)
    .find((u) => u.email === email)!.displayName;

/**
 * GET /financings/:id/decision: what the bank's people read before they decide, for a
 * receivable financing and a warehouse-receipt loan, figures checked against the sources; and
 * nobody but the financing's bank reads it.
 */
describe('the bank’s decision view', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  let rival: Rival;

  beforeAll(async () => {
    const stack = await startFinancingStack('decision_view');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
    rival = await onboardRival(api);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads the fields it asserts on
  const decision = async (id: string): Promise<any> => (await d.approverA.get(`/financings/${id}/decision`).expect(200)).body;
  const utilised = async (kind: string, subject: string) =>
    (await api.owner.query('SELECT utilised::text AS u FROM credit_limits WHERE kind = $1 AND subject = $2', [kind, subject]))[0]
      .u as string;

  it('shows a receivable financing’s invoice, documents, buyer’s confirmation, LTV, limits, price and comments with names', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    await d.sme
      .post(`/receivables/${receivable}/documents?name=${encodeURIComponent('发票 HM.pdf')}`)
      .set('content-type', 'application/pdf')
      .send(Buffer.from('%PDF-1.4 invoice'))
      .expect(201);
    const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '600000.00' };
    const quote = (await d.sme.post('/financings/trial').send(application).expect(200)).body;
    const { id } = (
      await d.sme
        .post('/financings')
        .send({ ...application, quoteId: quote.quoteId })
        .expect(201)
    ).body;
    await reaches(d, id, 'AWAITING_COUNTERPARTY');
    await d.debtor.post(`/financings/${id}/acknowledge`).send({ comment: '已收到转让通知' }).expect(200);
    await reaches(d, id, 'AWAITING_RECOMMENDATION');
    await d.maker.post(`/financings/${id}/recommend`).send({ comment: '买方付款记录良好，建议批准' }).expect(200);
    await reaches(d, id, 'AWAITING_APPROVAL');

    const before = { sme: await utilised('SME', api.parties.hami), buyer: await utilised('CORE_ENTERPRISE', api.parties.powerGroup) };
    const view = await decision(id);
    const invoice = (await d.sme.get(`/receivables/${receivable}`).expect(200)).body;
    expect(view.asset.receivable).toMatchObject({
      invoiceNumber: invoice.invoiceNumber,
      faceValue: '1000000.00',
      eligibleAmount: '1000000.00',
      advanceRate: expect.stringMatching(/^0\.\d+$/),
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      documents: [{ id: expect.any(String), name: '发票 HM.pdf', contentType: 'application/pdf' }],
      buyerConfirmedAt: expect.any(String),
      buyerConfirmedBy: { displayName: nameOf(DEMO_ORGANISATIONS.powerGroup.users[0].email), role: 'PAYABLES_CLERK', system: false },
    });
    expect(view.asset.history.map((s: { action: string }) => s.action)).toEqual(
      expect.arrayContaining(['receivable.register', 'receivable.submit', 'receivable.confirm']),
    );
    expect(view.collateral).toMatchObject({ value: '1000000.00', haircut: null, ltv: '0.6000', currency: 'CNY' });
    // not reserved yet: after = before + amount, on the SME's and the buyer's limits
    expect(view.limits).toEqual([
      expect.objectContaining({ kind: 'SME', subject: api.parties.hami, utilisedBefore: before.sme, reserved: false }),
      expect.objectContaining({ kind: 'CORE_ENTERPRISE', subject: api.parties.powerGroup, utilisedBefore: before.buyer, reserved: false }),
    ]);
    for (const line of view.limits) {
      expect(line.utilisedAfter).toBe(Money.of(line.utilisedBefore).plus(Money.of('600000.00')).toString());
      expect(line.availableAfter).toBe(Money.of(line.limit).minus(Money.of(line.utilisedAfter)).toString());
    }
    // the price before approval: the quote's, priced today
    expect(view.price).toMatchObject({ basis: 'IF_ACCEPTED_TODAY', totalPayable: quote.schedule.totalPayable, fee: quote.schedule.fee });
    expect(view.price.totalInterest).toBe(quote.schedule.totalInterest);
    expect(view.confirmation).toMatchObject({ step: 'counterparty.confirmed', comment: '已收到转让通知', by: { role: 'PAYABLES_CLERK' } });
    expect(view.recommendation).toMatchObject({
      comment: '买方付款记录良好，建议批准',
      by: { displayName: nameOf(DEMO_ORGANISATIONS.bank.users[0].email), role: 'CREDIT_OFFICER', organisation: expect.any(String) },
    });
    expect(view.deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: 'approval', roles: ['APPROVER'] }),
        { what: 'asset.due', by: invoice.dueDate, organisation: null, roles: [] },
      ]),
    );
    expect(view.risk.sme).toMatchObject({ organisationId: api.parties.hami, disputedReceivables: 0 });
    expect(view.risk.buyer).toMatchObject({ organisationId: api.parties.powerGroup });
    expect(JSON.stringify(view)).not.toContain('@'); // people by name and role, never by e-mail
    // the invoice scan opens for the bank before any pledge lets it read the receivable itself
    const scan = view.asset.receivable.documents[0].id;
    const opened = await d.approverA.get(`/financings/${id}/documents/${scan}`).buffer(true).expect(200);
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(opened.body.toString()).toBe('%PDF-1.4 invoice');
    await d.approverA.get(`/receivables/${receivable}/documents/${scan}`).expect(404);
    for (const agent of [rival.as.approver, d.sme, d.debtor]) await agent.get(`/financings/${id}/documents/${scan}`).expect(404);

    await d.approverA.post(`/financings/${id}/approve`).send({ comment: '在授权范围内' }).expect(200);
    await reaches(d, id, 'AWAITING_ACCEPTANCE');
    expect((await decision(id)).decisions).toEqual([
      expect.objectContaining({
        step: 'approved',
        comment: '在授权范围内',
        by: expect.objectContaining({ displayName: nameOf(DEMO_ORGANISATIONS.bank.users[1].email), role: 'APPROVER' }),
      }),
    ]);
    // accepted and disbursed: the reservation is in the utilisation now, and counted once
    await d.sme.post(`/financings/${id}/accept`).send({}).expect(200);
    await reaches(d, id, 'REPAYING');
    const booked = await decision(id);
    expect(booked.limits[0]).toMatchObject({ reserved: true, utilisedAfter: await utilised('SME', api.parties.hami) });
    expect(Money.of(booked.limits[0].utilisedAfter).minus(Money.of(booked.limits[0].utilisedBefore)).toString()).toBe('600000.00');
    expect(booked.price.basis).toBe('BOOKED');
  });

  it('shows a warehouse-receipt loan’s commodity, quantity, price, haircut, collateral value, LTV and commodity limit', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await d.admin.put('/commodities/COAL-5500').send({ name: '动力煤 5500 大卡', unit: 't', haircut: '0.15' }).expect(200);
    await d.admin.post('/commodities/COAL-5500/prices').send({ date: today, price: '812.35', source: 'index' }).expect(201);
    const receiptNumber = `WR-${Date.now()}`;
    const receipt = (
      await d.custodian
        .post('/warehouse-receipts')
        .send({
          receiptNumber,
          holderId: api.parties.hami,
          commodityCode: 'COAL-5500',
          grade: 'Q5500',
          quantity: '1000',
          location: 'bay 7',
        })
        .expect(201)
    ).body.id;
    const { id } = await applyFor(d.sme, {
      product: 'WAREHOUSE_RECEIPT_LOAN',
      assetId: receipt,
      bankId: api.parties.bank,
      amount: '400000.00',
      method: 'BULLET',
    });
    await reaches(d, id, 'AWAITING_COUNTERPARTY');
    await d.custodian.post(`/financings/${id}/acknowledge`).send({ comment: '货物在库，监管到位' }).expect(200);
    await reaches(d, id, 'AWAITING_RECOMMENDATION');
    await d.maker.post(`/financings/${id}/recommend`).send({ comment: 'LTV 0.58, well inside 0.70' }).expect(200);
    await reaches(d, id, 'AWAITING_APPROVAL');

    const view = await decision(id);
    expect(view.asset.receipt).toMatchObject({
      receiptNumber,
      commodityCode: 'COAL-5500',
      commodityName: '动力煤 5500 大卡',
      unit: 't',
      unitPrice: '812.35',
      priceDate: today,
      grossValue: '812350.00',
      custodian: expect.any(String),
    });
    expect(Number(view.asset.receipt.quantity)).toBe(1000);
    // 1,000 t × ¥812.35 × (1 − 0.15) = ¥690,497.50; 400,000 / 690,497.50 = 0.5793
    expect(view.collateral).toMatchObject({ value: '690497.50', haircut: '0.15', ltv: '0.5793', maintenanceLtv: expect.any(String) });
    expect(view.asset.history[0]).toMatchObject({
      action: 'warehouse-receipt.issue',
      by: { displayName: nameOf(DEMO_ORGANISATIONS.yard.users[0].email), role: 'CUSTODIAN_OFFICER' },
    });
    const commodity = view.limits.find((l: { kind: string }) => l.kind === 'COMMODITY_CONCENTRATION');
    expect(commodity).toMatchObject({
      subject: 'COAL-5500',
      subjectName: '动力煤 5500 大卡',
      limit: '900000000.00',
      utilisedBefore: await utilised('COMMODITY_CONCENTRATION', 'COAL-5500'),
    });
    expect(commodity.utilisedAfter).toBe(Money.of(commodity.utilisedBefore).plus(Money.of('400000.00')).toString());
    expect(view.confirmation).toMatchObject({ comment: '货物在库，监管到位', by: { role: 'CUSTODIAN_OFFICER' } });
    expect(view.recommendation).toMatchObject({ comment: 'LTV 0.58, well inside 0.70', by: { role: 'CREDIT_OFFICER' } });
    expect(view.risk.buyer).toBeNull();
    expect(view.risk.sme.financings).toBeGreaterThanOrEqual(1); // the receivable financing above
  });

  it('is the financing’s bank’s alone: another bank, the SME, the buyer and the custodian find no such financing', async () => {
    const [{ id }] = await api.owner.query(`SELECT id FROM financings WHERE bank_id = $1 LIMIT 1`, [api.parties.bank]);
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const agent of [rival.as.approver, rival.as.credit, rival.as.otherSme, d.sme, d.debtor, d.custodian, d.admin]) {
      const theirs = await agent.get(`/financings/${id}/decision`).expect(404);
      const nobodys = await agent.get(`/financings/${ghost}/decision`).expect(404);
      // the same answer as for no financing at all, but for the id it names
      expect(JSON.parse(JSON.stringify(theirs.body).replaceAll(id, ghost))).toEqual(nobodys.body);
      expect(theirs.body.code).toBe('FINANCING.NOT_FOUND');
    }
    for (const agent of [d.maker, d.approverB, d.treasury, d.backOffice]) await agent.get(`/financings/${id}/decision`).expect(200);
  });
});
