import { Money } from '@caravan/money';
import type { TestApi } from '../support/api';
import {
  applyFor,
  adoptPolicy,
  approveAndAccept,
  confirmedReceivable,
  DAY_MS,
  Desk,
  GRACE_DAYS,
  POLICY,
  reaches,
  recordPayment,
  stageOf,
  startFinancingStack,
  timeline,
} from '../support/financing';
import { financingWorkflowId, PaymentGateways } from '@caravan/financing';
import { eventually } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';
import { recordHistory } from '../support/histories';

// Business days are DAY_MS long here (FINANCING_DAY_MS): a 20-day financing runs in 2 s on the
// real Temporal dev server, timers and all. We chose short business days over the Java
// time-skipping server: the same server, worker and code paths as production.
describe('financing workflow: receivable financing from application to closure', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;

  beforeAll(async () => {
    const stack = await startFinancingStack('financing');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const apply = async (assetId: string, amount: string) =>
    (await applyFor(d.sme, { product: 'RECEIVABLE_FINANCING', assetId, bankId: api.parties.bank, amount })) as { id: string; ref: string };
  const balances = async (ref: string) =>
    Object.fromEntries(
      (
        (await d.backOffice.get(`/ledger/balances?financingRef=${ref}`).expect(200)).body as Array<{ account: string; balance: string }>
      ).map((b) => [b.account, b.balance]),
    );
  const utilised = async (subject: string) =>
    (await api.owner.query('SELECT utilised FROM credit_limits WHERE subject = $1', [subject]))[0].utilised as string;
  const bankPayments = async (ref: string) =>
    api.owner.query(`SELECT instruction_id, amount, status FROM simulated_bank_payments WHERE instruction_id LIKE $1 ORDER BY created_at`, [
      `${ref}/%`,
    ]);

  it('shows a trial calculation that is the schedule later booked', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    const trial = await d.sme
      .post('/financings/trial')
      .send({ product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '800000.00' })
      .expect(200);
    expect(trial.body.maxAmount).toBe('800000.00');
    // 800,000 × 4.35% × 20 / 360 = 1,933.33; fee 0.1% = 800.00
    expect(trial.body.schedule).toMatchObject({ totalInterest: '1933.33', fee: '800.00', totalPayable: '802733.33' });
    const above = await d.sme
      .post('/financings/trial')
      .send({ product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '800000.01' })
      .expect(422);
    expect(above.body).toMatchObject({ code: 'FINANCING.ABOVE_MAXIMUM', errors: [{ field: 'amount' }] });
  });

  it('approves, disburses once, falls due, is repaid by the buyer, returns the surplus and closes', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 20);
    const before = await utilised(api.parties.powerGroup);
    const { id, ref } = await apply(receivable, '800000.00');
    expect(ref).toMatch(/^RF-\d{4}-\d{6}$/);
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');

    expect(await bankPayments(ref)).toEqual([{ instruction_id: `${ref}/disbursement`, amount: '799200.00', status: 'SETTLED' }]);
    // the bank's own gateway answers the same; instructing again changes nothing, another payment under the id is refused
    expect(
      (await d.backOffice.get(`/simulated-bank/payments/${encodeURIComponent(`${ref}/disbursement`)}`).expect(200)).body,
    ).toMatchObject({ status: 'SETTLED' });
    const gateway = api.app.get(PaymentGateways).forBank(api.parties.bank);
    const again = {
      instructionId: `${ref}/disbursement`,
      amount: '799200.00',
      currency: 'CNY',
      beneficiaryId: api.parties.hami,
      purpose: 'again',
    };
    expect(await gateway.instruct(again)).toBe('SETTLED');
    await expect(gateway.instruct({ ...again, amount: '0.01' })).rejects.toMatchObject({ code: 'PAYMENT.INSTRUCTION_MISMATCH' });
    await expect(gateway.instruct({ ...again, beneficiaryId: api.parties.powerGroup })).rejects.toMatchObject({
      code: 'PAYMENT.INSTRUCTION_MISMATCH',
    });
    expect(
      Money.of(await utilised(api.parties.powerGroup))
        .minus(Money.of(before))
        .toString(),
    ).toBe('800000.00');
    expect((await d.sme.get(`/receivables/${receivable}`)).body.status).toBe('PLEDGED');

    await eventually(
      async () => ((await timeline(d, id)).some((e) => e.step === 'instalment.due') ? true : undefined),
      'the due date',
      30_000,
    );
    // The buyer pays the whole invoice into the collection account.
    const allocation = (await recordPayment(d, id, 'BNK-001', '1000000.00')).result;
    expect(allocation).toMatchObject({ interest: '1933.33', principal: '800000.00', penalty: '0.00', surplus: '198066.67' });
    // the same bank reference again is not applied twice
    expect(
      (await d.backOffice.post(`/financings/${id}/payments`).send({ reference: 'BNK-001', amount: '1000000.00' })).status,
    ).toBeGreaterThanOrEqual(200);

    await reaches(d, id, 'CLOSED');
    expect(await bankPayments(ref)).toEqual([
      { instruction_id: `${ref}/disbursement`, amount: '799200.00', status: 'SETTLED' },
      { instruction_id: `${ref}/surplus`, amount: '198066.67', status: 'SETTLED' },
    ]);
    expect(await utilised(api.parties.powerGroup)).toBe(before);
    expect((await d.sme.get(`/receivables/${receivable}`)).body.status).toBe('CONFIRMED');
    expect((await d.sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${receivable}`)).body.encumbered).toBe(false);
    expect(await balances(ref)).toMatchObject({
      LOAN_PRINCIPAL: '0.00',
      INTEREST_RECEIVABLE: '0.00',
      SME_SETTLEMENT: '0.00',
      BANK_FUNDING: '-799200.00',
      COLLECTION_ACCOUNT: '801933.33',
      FEE_INCOME: '-800.00',
      INTEREST_INCOME: '-1933.33',
    });
    const steps = (await timeline(d, id)).map((e) => e.step);
    expect(steps).toEqual(
      expect.arrayContaining([
        'eligible',
        'counterparty.confirmed',
        'recommended',
        'approved',
        'offer.accepted',
        'disbursed',
        'instalment.due',
        'payment.allocated',
        'closed',
      ]),
    );
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-closed');
  });

  it('is rejected with a reason, and nothing is reserved or pledged', async () => {
    const receivable = await confirmedReceivable(api, d, '500000.00', 30);
    const { id, ref } = await apply(receivable, '300000.00');
    await reaches(d, id, 'AWAITING_COUNTERPARTY');
    await d.maker.post(`/financings/${id}/reject`).send({}).expect(400);
    await d.maker.post(`/financings/${id}/reject`).send({ reason: 'buyer concentration too high' }).expect(200);
    await reaches(d, id, 'REJECTED');
    const last = (await timeline(d, id)).at(-1)!;
    expect(last).toMatchObject({ step: 'rejected', actor: { kind: 'PERSON', role: 'CREDIT_OFFICER' } });
    expect((await d.sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${receivable}`)).body.encumbered).toBe(false);
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-rejected');
  });

  it('gives a retried step whose answer was lost its first outcome, not a refusal (found by the fault test)', async () => {
    const { id } = await apply(await confirmedReceivable(api, d, '500000.00', 30), '300000.00');
    await reaches(d, id, 'AWAITING_COUNTERPARTY');
    await d.debtor.post(`/financings/${id}/acknowledge`).set('Idempotency-Key', 'ack-lost-1').send({}).expect(200);
    // the API died before keeping the answer: the key is gone, the workflow has moved on
    await api.owner.query(`DELETE FROM idempotency_keys WHERE key = 'ack-lost-1'`);
    await d.debtor.post(`/financings/${id}/acknowledge`).set('Idempotency-Key', 'ack-lost-1').send({}).expect(200);
    expect((await timeline(d, id)).filter((e) => e.step === 'counterparty.confirmed')).toHaveLength(1);
    // without the key it is a new request, and a refused one
    await reaches(d, id, 'AWAITING_RECOMMENDATION');
    expect((await d.debtor.post(`/financings/${id}/acknowledge`).send({}).expect(409)).body.code).toBe('FINANCING.NOT_AT_THIS_STEP');
  });

  it('is withdrawn by the SME before approval, and not after', async () => {
    const first = await apply(await confirmedReceivable(api, d, '500000.00', 30), '300000.00');
    await reaches(d, first.id, 'AWAITING_COUNTERPARTY');
    await d.sme.post(`/financings/${first.id}/withdraw`).send({ comment: 'found cheaper money' }).expect(200);
    await reaches(d, first.id, 'WITHDRAWN');

    const second = await apply(await confirmedReceivable(api, d, '500000.00', 30), '300000.00');
    await reaches(d, second.id, 'AWAITING_COUNTERPARTY');
    await d.debtor.post(`/financings/${second.id}/acknowledge`).send({}).expect(200);
    await d.maker.post(`/financings/${second.id}/recommend`).send({}).expect(200);
    await reaches(d, second.id, 'AWAITING_APPROVAL');
    await d.approverA.post(`/financings/${second.id}/approve`).send({}).expect(200);
    await reaches(d, second.id, 'AWAITING_ACCEPTANCE');
    const late = await d.sme.post(`/financings/${second.id}/withdraw`).send({}).expect(409);
    expect(late.body.code).toBe('FINANCING.NOT_AT_THIS_STEP');
  });

  it('never counts the maker approving their own recommendation, a second approval, or one above authority', async () => {
    // a bank person who may both recommend and approve, to try the four-eyes rule
    const both = 'both@silkroad-bank.example';
    await d.admin
      .post(`/organisations/${api.parties.bank}/users`)
      .send({
        email: both,
        displayName: 'Both',
        password: 'caravan-demo-2026',
        roles: ['CREDIT_OFFICER', 'APPROVER'],
        approvalAuthority: '900000000.00',
      })
      .expect(201);
    const dual = await api.as(both);
    // 6,000,000 needs two approvals, each within the approver's authority
    const { id } = await apply(await confirmedReceivable(api, d, '7500000.00', 30), '6000000.00');
    await reaches(d, id, 'AWAITING_COUNTERPARTY');
    await d.debtor.post(`/financings/${id}/acknowledge`).send({}).expect(200);
    await dual.post(`/financings/${id}/recommend`).send({}).expect(200);
    await reaches(d, id, 'AWAITING_APPROVAL');
    // what each would be told before trying (the portal shows it): the API's answer, by the workflow's rules
    const outlook = async (who: typeof dual) => (await who.get(`/financings/${id}`).expect(200)).body.yourApproval;
    expect(await outlook(dual)).toEqual({ counts: false, reason: 'FINANCING.OWN_RECOMMENDATION' });
    expect(await outlook(d.approverA)).toEqual({ counts: false, reason: 'FINANCING.ABOVE_AUTHORITY' });
    expect(await outlook(d.approverB)).toEqual({ counts: true, reason: null });
    expect((await d.sme.get(`/financings/${id}`).expect(200)).body.yourApproval).toBeUndefined();

    const own = await dual.post(`/financings/${id}/approve`).send({}).expect(403);
    expect(own.body.code).toBe('FINANCING.OWN_RECOMMENDATION');
    await d.approverA.post(`/financings/${id}/approve`).send({}).expect(200); // 5,000,000 authority: recorded, not counted
    const twice = await d.approverA.post(`/financings/${id}/approve`).send({}).expect(403);
    expect(twice.body.code).toBe('FINANCING.ALREADY_APPROVED_BY_YOU');
    expect(await outlook(d.approverA)).toEqual({ counts: false, reason: 'FINANCING.ALREADY_APPROVED_BY_YOU' });
    await d.approverB.post(`/financings/${id}/approve`).send({}).expect(200);
    expect(await stageOf(d, id)).toBe('AWAITING_APPROVAL'); // one counted approval of two
    const steps = (await timeline(d, id)).map((e) => e.step);
    expect(steps).toContain('approval.not.counted');
    expect(steps.filter((s) => s === 'approved')).toHaveLength(1);
  });

  it('reminds, escalates and expires a step nobody takes', async () => {
    await adoptPolicy(d, { ...POLICY, deadlines: { ...POLICY.deadlines, counterparty: 10 } });
    try {
      const { id, ref } = await apply(await confirmedReceivable(api, d, '500000.00', 30), '300000.00');
      await reaches(d, id, 'EXPIRED', 30_000);
      const steps = (await timeline(d, id)).map((e) => e.step);
      expect(steps).toEqual(expect.arrayContaining(['counterparty.awaited', 'counterparty.reminder', 'counterparty.escalated', 'expired']));
      await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-expired');
    } finally {
      await adoptPolicy(d, POLICY);
    }
  });

  it('undoes a failed disbursement in reverse: ledger reversed, pledge discharged, limit released', async () => {
    const receivable = await confirmedReceivable(api, d, '400000.00', 30);
    const before = await utilised(api.parties.powerGroup);
    await d.admin.put('/simulated-bank/faults').send({ bankId: api.parties.bank, failNext: 1, delayMs: 0 }).expect(200);
    const { id, ref } = await apply(receivable, '300000.00');
    await approveAndAccept(d, id);
    await reaches(d, id, 'DISBURSEMENT_FAILED');
    expect((await d.sme.get(`/financings/${id}`)).body.reason).toContain('PAYMENT.FAILED');
    expect(await bankPayments(ref)).toEqual([{ instruction_id: `${ref}/disbursement`, amount: '299700.00', status: 'FAILED' }]);
    expect(await utilised(api.parties.powerGroup)).toBe(before);
    expect((await d.sme.get(`/pledges/search?assetType=RECEIVABLE&assetId=${receivable}`)).body.encumbered).toBe(false);
    expect((await d.sme.get(`/receivables/${receivable}`)).body.status).toBe('CONFIRMED');
    const book = await balances(ref);
    expect(Object.values(book).every((b) => b === '0.00')).toBe(true);
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-disbursement-failed');
  });

  it('charges penalty interest on a late, partial repayment and ages the arrears', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 10);
    const { id, ref } = await apply(receivable, '500000.00');
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    await eventually(
      async () => ((await timeline(d, id)).some((e) => e.step === 'instalment.due') ? true : undefined),
      'the due date',
      30_000,
    );
    await eventually(async () => ((await timeline(d, id)).some((e) => e.step === 'ageing') ? true : undefined), 'arrears ageing', 30_000);
    expect((await d.sme.get(`/financings/${id}`)).body.state.ageing).toBe('1-30');
    // the instalment itself says so, and the buyer is asked to pay it
    const arrears = (await d.sme.get(`/financings/${id}`)).body;
    expect(arrears.instalments).toMatchObject([
      { status: 'OVERDUE', paid: { principal: '0.00', interest: '0.00', penalty: '0.00' }, paidOn: [] },
    ]);
    expect(arrears.awaiting).toMatchObject({ step: 'repayment', organisationId: api.parties.powerGroup, roles: ['TREASURER'] });
    await eventually(
      async () => ((await timeline(d, id)).some((e) => e.step === 'recourse.claimed') ? true : undefined),
      'recourse (the default)',
    );
    await new Promise((r) => setTimeout(r, (GRACE_DAYS + 3) * DAY_MS)); // past the grace days
    const partial = (await recordPayment(d, id, 'LATE-1', '100000.00')).result;
    expect(Money.of(partial.penalty).isPositive()).toBe(true);
    expect(await stageOf(d, id)).toBe('REPAYING');
    // read at once: partly paid yet still overdue, with the penalty it paid
    const [late] = (await d.sme.get(`/financings/${id}`)).body.instalments;
    expect(late).toMatchObject({
      status: 'OVERDUE',
      paid: { penalty: partial.penalty, interest: partial.interest, principal: partial.principal },
    });
    expect(late.paidOn).toHaveLength(1);
    // pay the rest with room to spare; the surplus goes back to the SME
    await recordPayment(d, id, 'LATE-2', '500000.00');
    await reaches(d, id, 'CLOSED');
    const book = await balances(ref);
    expect(book).toMatchObject({ LOAN_PRINCIPAL: '0.00', INTEREST_RECEIVABLE: '0.00', PENALTY_RECEIVABLE: '0.00', SME_SETTLEMENT: '0.00' });
    expect(Money.of(book.PENALTY_INCOME).isNegative()).toBe(true);
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-late-recourse');
  });

  it('settles early with the interest to date only', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 300);
    const { id, ref } = await apply(receivable, '600000.00');
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    const allocation = (await recordPayment(d, id, 'EARLY-1', '700000.00')).result;
    expect(allocation.principal).toBe('600000.00');
    // a few business days of interest, far below the full term's
    expect(Money.of(allocation.interest).compare(Money.of('1000.00'))).toBeLessThan(0);
    await reaches(d, id, 'CLOSED');
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-early');
  });

  it('runs a warehouse-receipt pledge loan in equal instalments, confirmed by the custodian', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await d.admin.put('/commodities/COAL-5500').send({ name: 'Thermal coal', unit: 't', haircut: '0.15' }).expect(200);
    await d.admin.post('/commodities/COAL-5500/prices').send({ date: today, price: '812.35', source: 'index' }).expect(201);
    const receipt = (
      await d.custodian
        .post('/warehouse-receipts')
        .send({
          receiptNumber: `WR-${Date.now()}`,
          holderId: api.parties.hami,
          commodityCode: 'COAL-5500',
          grade: 'Q5500',
          quantity: '1000',
          location: 'bay 7',
        })
        .expect(201)
    ).body.id;
    const application = {
      product: 'WAREHOUSE_RECEIPT_LOAN',
      assetId: receipt,
      bankId: api.parties.bank,
      method: 'EQUAL_INSTALMENT',
      instalments: 2,
    };
    // value 1,000 t × ¥812.35 × (1 − 15%) = ¥690,497.50; LTV 70% → at most ¥483,348.25
    expect(
      (
        await d.sme
          .post('/financings/trial')
          .send({ ...application, amount: '400000.00' })
          .expect(200)
      ).body.maxAmount,
    ).toBe('483348.25');
    const { id, ref } = await applyFor(d.sme, { ...application, amount: '400000.00' });
    await approveAndAccept(d, id, [d.approverA], d.custodian);
    await reaches(d, id, 'REPAYING');
    expect((await d.custodian.get(`/warehouse-receipts/${receipt}`)).body.status).toBe('PLEDGED');
    const lines = (await d.sme.get(`/financings/${id}`)).body.state.schedule.lines as Array<{
      payment: string;
      interest: string;
      principal: string;
    }>;
    expect(lines).toHaveLength(2);
    for (const [i, line] of lines.entries()) {
      await eventually(
        async () => ((await timeline(d, id)).filter((e) => e.step === 'instalment.due').length > i ? true : undefined),
        `instalment ${i + 1}`,
        60_000,
      );
      const detail = (await d.sme.get(`/financings/${id}`)).body;
      expect(detail.instalments[i].status).toMatch(/^(DUE|OVERDUE)$/);
      expect(detail.awaiting).toMatchObject({
        step: 'repayment',
        organisationId: api.parties.hami,
        deadline: detail.instalments[i].dueDate,
      });
      const paid = (await recordPayment(d, id, `WR-PAY-${i}`, line.payment)).result;
      expect(paid).toMatchObject({ interest: line.interest, penalty: '0.00', surplus: '0.00' });
      // the detail read right after the allocation: this instalment paid, its own amounts; the next one not yet
      const after = (await d.sme.get(`/financings/${id}`)).body.instalments as Array<{ status: string; paid: object }>;
      expect(after[i]).toMatchObject({ status: 'PAID', paid: { interest: line.interest, principal: line.principal, penalty: '0.00' } });
      if (i + 1 < lines.length) expect(after[i + 1].status).not.toBe('PAID');
    }
    await reaches(d, id, 'CLOSED');
    expect((await d.custodian.get(`/warehouse-receipts/${receipt}`)).body.status).toBe('ISSUED');
    const book = Object.fromEntries(
      ((await d.backOffice.get(`/ledger/balances?financingRef=${ref}`)).body as Array<{ account: string; balance: string }>).map((b) => [
        b.account,
        b.balance,
      ]),
    );
    expect(book).toMatchObject({ LOAN_PRINCIPAL: '0.00', INTEREST_RECEIVABLE: '0.00' });
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-instalments');
  });

  describe('warehouse-receipt loans: collateral cover', () => {
    const today = new Date().toISOString().slice(0, 10);
    const price = (value: string) =>
      d.admin.post('/commodities/COAL-5500/prices').send({ date: today, price: value, source: 'index' }).expect(201);
    const issue = async (quantity: string) =>
      (
        await d.custodian
          .post('/warehouse-receipts')
          .send({
            receiptNumber: `WR-${Date.now()}-${quantity}`,
            holderId: api.parties.hami,
            commodityCode: 'COAL-5500',
            grade: 'Q5500',
            quantity,
            location: 'bay 7',
          })
          .expect(201)
      ).body.id as string;
    const loan = async (receipt: string, amount: string) => {
      const { id } = await applyFor(d.sme, {
        product: 'WAREHOUSE_RECEIPT_LOAN',
        assetId: receipt,
        bankId: api.parties.bank,
        amount,
        method: 'BULLET',
      });
      await approveAndAccept(d, id, [d.approverA], d.custodian);
      await reaches(d, id, 'REPAYING');
      return id as string;
    };
    const happened = (id: string, step: string) =>
      eventually(async () => ((await timeline(d, id)).some((e) => e.step === step) ? true : undefined), step, 30_000);

    beforeEach(async () => {
      await d.admin.put('/commodities/COAL-5500').send({ name: 'Thermal coal', unit: 't', haircut: '0.15' }).expect(200);
      await price('812.35');
    });

    it('calls margin when prices fall, is cured by more receipts, and releases goods only above the LTV line', async () => {
      // 1,000 t × ¥812.35 × 0.85 = ¥690,497.50; ¥480,000 is an LTV of 0.695
      const receipt = await issue('1000');
      const id = await loan(receipt, '480000.00');
      await price('700.00'); // value ¥595,000: LTV 0.807, above the 0.8 maintenance line
      await happened(id, 'margin.call');
      expect((await d.sme.get(`/financings/${id}`)).body.state.marginCall).toMatchObject({ status: 'OPEN', ltv: '0.8067' });

      const more = await issue('200'); // + ¥119,000: LTV 0.672
      await d.sme.post(`/financings/${id}/collateral`).send({ receiptId: more }).expect(200);
      await happened(id, 'margin.cured');
      expect((await d.custodian.get(`/warehouse-receipts/${more}`)).body.status).toBe('PLEDGED');

      // releasing 150 t would leave cover of ¥437,325 at the LTV line for ¥480,000 outstanding
      const refused = await d.sme.post(`/financings/${id}/release-goods`).send({ receiptId: more, quantity: '150' }).expect(422);
      expect(refused.body).toMatchObject({ code: 'FINANCING.BELOW_LTV_LINE', errors: [{ field: 'quantity' }] });
      await recordPayment(d, id, 'WR-PREPAY', '100000.00');
      await d.custodian.post(`/financings/${id}/release-goods`).send({ receiptId: more, quantity: '150' }).expect(200);
      expect((await d.custodian.get(`/warehouse-receipts/${more}`)).body.quantity).toBe('50');
      const released = await api.owner.query(`SELECT quantity, status FROM warehouse_receipts WHERE parent_id = $1`, [more]);
      expect(released).toEqual([{ quantity: '150.0000', status: 'RELEASED' }]);
      // the rest repaid: both receipts are discharged
      const payoff = await recordPayment(d, id, 'WR-PAYOFF', '400000.00');
      expect(payoff.result.principal).toBe('380000.00');
      await reaches(d, id, 'CLOSED');
      expect((await d.custodian.get(`/warehouse-receipts/${more}`)).body.status).toBe('ISSUED');
      expect((await d.custodian.get(`/warehouse-receipts/${receipt}`)).body.status).toBe('ISSUED');
      await recordHistory(
        api.temporal,
        financingWorkflowId((await d.sme.get(`/financings/${id}`)).body.ref),
        'financing-margin-call-cured',
      );
    });

    it('escalates a margin call that is not cured in time', async () => {
      await adoptPolicy(d, { ...POLICY, deadlines: { ...POLICY.deadlines, marginCure: 3 } });
      try {
        const id = await loan(await issue('1000'), '480000.00');
        await price('650.00');
        await happened(id, 'margin.call');
        await happened(id, 'margin.call.escalated');
        expect((await d.sme.get(`/financings/${id}`)).body.state.marginCall.status).toBe('DEFAULTED');
        await recordPayment(d, id, 'WR-DEFAULT-PAYOFF', '500000.00');
        await reaches(d, id, 'CLOSED');
        await recordHistory(
          api.temporal,
          financingWorkflowId((await d.sme.get(`/financings/${id}`)).body.ref),
          'financing-margin-call-escalated',
        );
      } finally {
        await adoptPolicy(d, POLICY);
        await price('812.35');
      }
    });
  });
});
