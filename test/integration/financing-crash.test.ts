import type { AppConfig } from '@caravan/config';
import type { TestApi } from '../support/api';
import { applyFor, approveAndAccept, confirmedReceivable, Desk, reaches, startFinancingStack } from '../support/financing';
import { eventually } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

describe('the worker killed (SIGKILL) during disbursement', () => {
  let config: AppConfig;
  let api: TestApi;
  let worker: WorkerProcess | undefined;
  let d: Desk;

  beforeAll(async () => {
    ({ config, api, desk: d } = await startFinancingStack('financing_crash'));
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('moves the money exactly once, and the ledger balances', async () => {
    worker = await startWorkerProcess(config, api.temporal);
    const receivable = await confirmedReceivable(api, d, '1000000.00', 60);
    // the bank takes 3 s to settle: the saga is waiting on it when the worker dies
    await d.admin.put('/simulated-bank/faults').send({ bankId: api.parties.bank, failNext: 0, delayMs: 3000 }).expect(200);
    const { id, ref } = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: api.parties.bank,
      amount: '750000.00',
    });
    await approveAndAccept(d, id);
    await eventually(
      async () =>
        (await api.owner.query('SELECT 1 FROM simulated_bank_payments WHERE instruction_id = $1', [`${ref}/disbursement`])).length
          ? true
          : undefined,
      'the payment instruction',
    );

    await worker.crash();
    await new Promise((r) => setTimeout(r, 1000));
    worker = await startWorkerProcess(config, api.temporal);

    await reaches(d, id, 'REPAYING', 60_000);
    await d.admin.put('/simulated-bank/faults').send({ bankId: api.parties.bank, failNext: 0, delayMs: 0 }).expect(200);
    const payments = await api.owner.query(
      'SELECT instruction_id, amount, status FROM simulated_bank_payments WHERE instruction_id LIKE $1',
      [`${ref}/%`],
    );
    expect(payments).toEqual([{ instruction_id: `${ref}/disbursement`, amount: '749250.00', status: 'SETTLED' }]);
    const entries = await api.owner.query(`SELECT kind FROM journal_entries WHERE financing_ref = $1`, [ref]);
    expect(entries).toEqual([{ kind: 'disbursement' }]);
    const [{ d: debits, c: credits }] = await api.owner.query(
      'SELECT sum(debit) AS d, sum(credit) AS c FROM journal_lines WHERE financing_ref = $1',
      [ref],
    );
    expect(debits).toBe(credits);
    expect(await api.owner.query(`SELECT 1 FROM pledges WHERE financing_ref = $1 AND status = 'LIVE'`, [ref])).toHaveLength(1);
    expect(await api.owner.query(`SELECT amount, released FROM limit_reservations WHERE reference = $1`, [ref])).toEqual([
      { amount: '750000.00', released: '0.00' },
      { amount: '750000.00', released: '0.00' },
    ]);
  });
});
