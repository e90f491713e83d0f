import type { TestApi } from '../support/api';
import { applyFor, approveAndAccept, confirmedReceivable, Desk, reaches, startFinancingStack } from '../support/financing';
import { onboardRival, Rival } from '../support/two-banks';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * The portfolio a bank's people read: its open loans by ageing bucket, and the loans behind a
 * bucket. Two loans are repaid; the workflow's ageing of one is set in its state as the
 * workflow writes it (ageing takes weeks of business days), so the buckets can be checked
 * against what each loan owes. Another bank reads zeros; an SME is refused.
 */
describe('portfolio: ageing buckets and the loans behind them', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  let rival: Rival;
  const loans: Array<{ id: string; ref: string }> = [];

  beforeAll(async () => {
    const stack = await startFinancingStack('portfolio');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
    rival = await onboardRival(api);
    for (const amount of ['600000.00', '250000.00']) {
      const receivable = await confirmedReceivable(api, d, '1000000.00', 300);
      const applied = await applyFor(d.sme, { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount });
      await approveAndAccept(d, applied.id);
      await reaches(d, applied.id, 'REPAYING');
      loans.push(applied);
    }
    await api.owner.query(`UPDATE financings SET state = jsonb_set(state, '{ageing}', '"31-60"') WHERE id = $1`, [loans[1].id]);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('gives every bucket, each loan in its own, with the principal its book still owes', async () => {
    const owed = await api.owner.query(
      `SELECT id, coalesce(state->'book'->>'outstanding', amount::text) AS outstanding FROM financings WHERE id = ANY($1)`,
      [loans.map((l) => l.id)],
    );
    const of = (id: string) => Number(owed.find((r: { id: string }) => r.id === id).outstanding).toFixed(2);
    const { body } = await d.maker.get('/portfolio').expect(200);
    expect(body.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['CURRENT', '1-30', '31-60', '61-90', '90+']);
    expect(body.buckets).toEqual([
      { bucket: 'CURRENT', count: 1, outstanding: of(loans[0].id) },
      { bucket: '1-30', count: 0, outstanding: '0.00' },
      { bucket: '31-60', count: 1, outstanding: of(loans[1].id) },
      { bucket: '61-90', count: 0, outstanding: '0.00' },
      { bucket: '90+', count: 0, outstanding: '0.00' },
    ]);
    expect(body.total).toEqual({ count: 2, outstanding: (Number(of(loans[0].id)) + Number(of(loans[1].id))).toFixed(2) });
    expect(body.currency).toBe('CNY');
  });

  it('opens a bucket on the loans behind it, with their parties by name', async () => {
    const { body } = await d.backOffice.get('/portfolio/buckets/31-60/loans').expect(200);
    expect(body.total).toBe(1);
    expect(body.items).toEqual([
      expect.objectContaining({ id: loans[1].id, ref: loans[1].ref, ageing: '31-60', amount: '250000.00', sme: expect.any(String) }),
    ]);
    expect(body.items[0].counterparty).toEqual(expect.any(String));
    const current = await d.approverA.get('/portfolio/buckets/CURRENT/loans?limit=1').expect(200);
    expect(current.body.items.map((l: { id: string }) => l.id)).toEqual([loans[0].id]);
    await d.maker.get('/portfolio/buckets/120+/loans').expect(400);
  });

  it('shows another bank only its own book (none), and refuses an SME', async () => {
    const { body } = await rival.as.credit.get('/portfolio').expect(200);
    expect(body.total).toEqual({ count: 0, outstanding: '0.00' });
    const behind = await rival.as.backOffice.get('/portfolio/buckets/31-60/loans').expect(200);
    expect(behind.body).toMatchObject({ items: [], total: 0 });
    await d.sme.get('/portfolio').expect(403);
    await rival.as.otherSme.get('/portfolio/buckets/CURRENT/loans').expect(403);
  });
});
