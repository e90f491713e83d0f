import { Money } from '@caravan/money';
import type { TestApi } from '../support/api';
import { applyFor, approveAndAccept, confirmedReceivable, Desk, reaches, startFinancingStack, timeline } from '../support/financing';
import { financingWorkflowId } from '@caravan/financing';
import { recordHistory } from '../support/histories';
import { reconcile } from '../support/reconciliation';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * A financing is disbursed; the bank's statements come in as files; matching sends the buyer's
 * payment to the workflow, which closes the financing; the ledger's collection account then
 * equals the bank's.
 */
describe('reconciliation end to end: statement lines drive the financing', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;

  beforeAll(async () => {
    const stack = await startFinancingStack('reconciliation');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  const mapping = {
    delimiter: ';',
    hasHeader: true,
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    currency: 'CNY',
    columns: { bookingDate: 1, amount: 2, endToEndId: 3, remittance: 4 },
  };
  const importCsv = (account: string, rows: string[]) =>
    d.backOffice
      .post(`/statements?format=csv&account=${account}`)
      .set('content-type', 'text/plain')
      .send(['date;amount;e2e;text', ...rows].join('\n'))
      .expect(201);

  it('matches the disbursement and the buyer’s payment, closes the financing, and the books agree with the bank', async () => {
    await d.backOffice.put('/statements/csv-mappings/FUNDING-1').send(mapping).expect(200);
    await d.backOffice.put('/statements/csv-mappings/COLLECTION-1').send(mapping).expect(200);
    const receivable = await confirmedReceivable(api, d, '1000000.00', 300);
    const { id, ref, paymentReference } = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: api.parties.bank,
      amount: '800000.00',
    });
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    const today = new Date().toISOString().slice(0, 10);

    // The funding account's statement shows the disbursement; the collection account's the buyer's payment.
    await importCsv('FUNDING-1', [`${today};-799200.00;${ref}/disbursement;disbursement`]);
    // the buyer quotes the payment reference as people type one: in groups, lower case
    const typed = paymentReference
      .toLowerCase()
      .replace(/(.{4})/g, '$1 ')
      .trim();
    await importCsv('COLLECTION-1', [
      `${today};1000000.00;${typed};invoice paid by the power group`,
      `${today};12.34;UNKNOWN-REF;stray credit`,
      `${today};77.00;${ref};quotes the loan number, which is no payment reference`,
    ]);
    expect(await reconcile(d.backOffice)).toMatchObject({ status: 'DONE', total: 4, processed: 4, matched: 2 });
    await reaches(d, id, 'CLOSED');
    const steps = (await timeline(d, id)).map((e) => e.step);
    expect(steps).toContain('payment.allocated');
    // the funding account's debit confirmed the disbursement on the financing's timeline
    expect(steps).toContain('disbursement.confirmed');
    await recordHistory(api.temporal, financingWorkflowId(ref), 'financing-reconciled');

    // The surplus went back to the SME from the collection account: the bank's next statement shows it.
    const [payout] = await api.owner.query(`SELECT amount FROM simulated_bank_payments WHERE instruction_id = $1`, [`${ref}/surplus`]);
    await importCsv('COLLECTION-1', [`${today};-${payout.amount};${ref}/surplus;surplus to the SME`]);
    expect(await reconcile(d.backOffice)).toMatchObject({ matched: 1 });

    const [bank] = await api.owner.query(
      `SELECT sum(CASE WHEN direction = 'CRDT' THEN amount ELSE -amount END) AS balance FROM statement_lines WHERE account = 'COLLECTION-1' AND match_status = 'MATCHED'`,
    );
    const books = (await d.backOffice.get(`/ledger/balances?financingRef=${ref}`).expect(200)).body as Array<{
      account: string;
      balance: string;
    }>;
    const collection = books.find((b) => b.account === 'COLLECTION_ACCOUNT')!.balance;
    expect(Money.of(collection).equals(Money.of(bank.balance))).toBe(true);
    // a second run finds nothing new, and sends no payment twice
    expect(await reconcile(d.backOffice)).toMatchObject({ total: 2, matched: 0 });
    const allocations = (await timeline(d, id)).filter((e) => e.step === 'payment.allocated');
    expect(allocations).toHaveLength(1);
    // the buyer pays again after closure: nothing awaits it any more, so the line is an exception
    await importCsv('COLLECTION-1', [`${today};500.00;${paymentReference};duplicate payment by the buyer`]);
    expect(await reconcile(d.backOffice)).toMatchObject({ total: 3, matched: 0 });
    // the stray credits wait in the exceptions queue, never silently dropped
    const queue = (await d.backOffice.get('/statements/exceptions').expect(200)).body;
    expect(queue.total).toBe(3);
    expect(queue.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ account: 'COLLECTION-1', amount: '12.34', direction: 'CRDT', endToEndId: 'UNKNOWN-REF', ageDays: 0 }),
        expect.objectContaining({ amount: '77.00', endToEndId: ref }),
        expect.objectContaining({ amount: '500.00', endToEndId: paymentReference }),
      ]),
    );
    expect(Array.isArray(queue.items[0].candidates)).toBe(true);

    // the daily report: the books and the bank differ by exactly what is still unexplained
    await d.backOffice
      .put('/reconciliation/accounts/COLLECTION-1')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY' })
      .expect(200);
    const [day] = (await d.backOffice.get(`/reconciliation/report?from=${today}&to=${today}&account=COLLECTION-1`).expect(200)).body;
    expect(day).toMatchObject({
      matchedCount: 2,
      unmatchedCount: 3,
      unmatchedSum: '589.34',
      ledgerBalance: collection,
      difference: '-589.34',
    });
  });
});
