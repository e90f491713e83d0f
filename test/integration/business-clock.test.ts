import { BusinessClock } from '@caravan/clock';
import { actualDays, addDays } from '@caravan/financing';
import { applyFor, approveAndAccept, confirmedReceivable, FinancingStack, reaches, startFinancingStack } from '../support/financing';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * Business dates are the banks' (BUSINESS_TIMEZONE, here Asia/Shanghai), not UTC's: before
 * 08:00 in China the UTC date is still yesterday, and a trial computed then used to charge a
 * day's interest too many.
 */
describe('business dates: the banks’ day, not UTC’s', () => {
  let stack: FinancingStack;
  let worker: WorkerProcess;

  beforeAll(async () => {
    stack = await startFinancingStack('business_clock', { BUSINESS_TIMEZONE: 'Asia/Shanghai' });
    worker = await startWorkerProcess(stack.config, stack.api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await stack?.stop();
  });

  it('starts a trial made at 07:30 in China on that day, not on the UTC day before', async () => {
    const { api, desk: d } = stack;
    const receivable = await confirmedReceivable(api, d, '1000000.00', 120);
    const [{ due }] = await api.owner.query(`SELECT due_date::text AS due FROM receivables WHERE id = $1`, [receivable]);
    const chinaDay = addDays(new BusinessClock('Asia/Shanghai').today(), 1);
    const clock = api.app.get(BusinessClock);
    const realNow = clock.now;
    Object.assign(clock, { now: () => new Date(`${chinaDay}T07:30:00+08:00`) }); // 23:30 UTC, the day before
    try {
      const trial = await d.sme
        .post('/financings/trial')
        .send({ product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '800000.00' })
        .expect(200);
      expect(trial.body.schedule.lines[0].days).toBe(actualDays(chinaDay, due));
      expect(trial.body.schedule.lines[0].days).toBe(actualDays(addDays(chinaDay, -1), due) - 1);
    } finally {
      Object.assign(clock, { now: realNow });
    }
  });

  it('books the schedule the trial showed: the workflow dates it on the banks’ day too', async () => {
    const { api, desk: d } = stack;
    const receivable = await confirmedReceivable(api, d, '1000000.00', 60);
    const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '800000.00' };
    const trial = (await d.sme.post('/financings/trial').send(application).expect(200)).body.schedule;
    const applied = await applyFor(d.sme, application);
    await approveAndAccept(d, applied.id);
    await reaches(d, applied.id, 'REPAYING');
    const booked = (await d.sme.get(`/financings/${applied.id}`).expect(200)).body.state.schedule;
    expect(booked.lines).toEqual(trial.lines);
  });
});
