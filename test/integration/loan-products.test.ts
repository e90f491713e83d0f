import { Money } from '@caravan/money';
import type { TestApi } from '../support/api';
import { adoptPolicy, applyFor, approveAndAccept, Desk, POLICY, reaches, startFinancingStack } from '../support/financing';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/** A warehouse-receipt product counted by conventions the platform's first products did not have. */
const PRODUCT = {
  ...POLICY.pricing.WAREHOUSE_RECEIPT_LOAN,
  annualRate: '0.06',
  interestType: 'FLAT',
  rounding: { mode: 'HALF_UP', instalmentMultiple: '10' },
  penaltyMultiple: '1.5',
  options: { amortisations: ['EQUAL_INSTALMENT', 'INTEREST_ONLY'], maxInstalments: 12 },
  bounds: { minRate: '0.03', maxRate: '0.12' },
};

type Line = { principal: string; interest: string; payment: string; closingPrincipal: string };

/**
 * Loan products as a bank's data (issue 13): a bank's policy carries each product's
 * conventions, the repayments an SME may choose and the rate's bounds, checked by the
 * calculator when proposed; SMEs read what a bank offers; a trial prices the SME's choice
 * and the financing books exactly the quoted schedule.
 */
describe('loan products as a bank’s data', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;

  beforeAll(async () => {
    const stack = await startFinancingStack('loan-products');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  async function receipt(): Promise<string> {
    const today = new Date().toISOString().slice(0, 10);
    await d.admin.put('/commodities/COAL-5500').send({ name: 'Thermal coal', unit: 't', haircut: '0.15' }).expect(200);
    await d.admin.post('/commodities/COAL-5500/prices').send({ date: today, price: '812.35', source: 'index' }).expect(201);
    const body = {
      receiptNumber: `WR-${Date.now()}`,
      holderId: api.parties.hami,
      commodityCode: 'COAL-5500',
      grade: 'Q5500',
      quantity: '1000',
      location: 'bay 7',
    };
    return (await d.custodian.post('/warehouse-receipts').send(body).expect(201)).body.id;
  }

  it('refuses a product the calculator cannot price or whose rate leaves its bounds, naming the field', async () => {
    const propose = (product: object) =>
      d.maker.post('/financing-policy/proposals').send({ ...POLICY, pricing: { ...POLICY.pricing, WAREHOUSE_RECEIPT_LOAN: product } });
    const outside = (await propose({ ...PRODUCT, annualRate: '0.15' }).expect(400)).body;
    expect(outside).toMatchObject({ code: 'FINANCING.RATE_OUT_OF_BOUNDS', errors: [{ field: 'annualRate' }] });
    const unknown = (await propose({ ...PRODUCT, dayCount: 'ACT/999' }).expect(400)).body;
    expect(JSON.stringify(unknown)).toContain('dayCount');
  });

  it('shows SMEs what a bank offers; anything that is not a bank is not found', async () => {
    await adoptPolicy(d, { ...POLICY, pricing: { ...POLICY.pricing, WAREHOUSE_RECEIPT_LOAN: PRODUCT } });
    const offer = (await d.sme.get(`/banks/${api.parties.bank}/products`).expect(200)).body;
    expect(offer.version).toBeGreaterThan(0);
    expect(offer.pricing.WAREHOUSE_RECEIPT_LOAN).toMatchObject({
      interestType: 'FLAT',
      penaltyMultiple: '1.5',
      options: { amortisations: ['EQUAL_INSTALMENT', 'INTEREST_ONLY'] },
    });
    await d.sme.get(`/banks/${api.parties.hami}/products`).expect(404);
    await d.sme.get(`/banks/${api.parties.powerGroup}/products`).expect(404);
  });

  it('prices the SME’s choice among the offered ones, and books the quoted schedule', async () => {
    const assetId = await receipt();
    const base = { product: 'WAREHOUSE_RECEIPT_LOAN', assetId, bankId: api.parties.bank, amount: '300000.00' };
    const notOffered = (
      await d.sme
        .post('/financings/trial')
        .send({ ...base, method: 'EQUAL_PRINCIPAL', instalments: 3 })
        .expect(400)
    ).body;
    expect(notOffered).toMatchObject({ code: 'FINANCING.INVALID_TERMS', errors: [{ field: 'method' }] });
    await d.sme
      .post('/financings/trial')
      .send({ ...base, method: 'EQUAL_INSTALMENT', instalments: 24 })
      .expect(400);

    // 先息后本: interest only, the principal with the last instalment; flat interest: the same each month
    const choice = { ...base, method: 'INTEREST_ONLY', instalments: 3 };
    const quoted = (await d.sme.post('/financings/trial').send(choice).expect(200)).body.schedule.lines as Line[];
    expect(quoted.map((l) => l.principal)).toEqual(['0.00', '0.00', '300000.00']);
    expect(new Set(quoted.map((l) => l.interest)).size).toBe(1);
    expect(quoted[0].interest).toBe(Money.of('300000.00').times('0.005').toString()); // 6% a year flat, a twelfth a month

    const { id } = await applyFor(d.sme, choice);
    await approveAndAccept(d, id, [d.approverA], d.custodian);
    await reaches(d, id, 'REPAYING');
    const booked = (await d.sme.get(`/financings/${id}`).expect(200)).body.state.schedule.lines as Line[];
    expect(booked.map((l) => [l.principal, l.interest])).toEqual(quoted.map((l) => [l.principal, l.interest]));
  });
});
