import * as iconv from 'iconv-lite';
import { Money } from '@caravan/money';
import type { TestApi } from '../support/api';
import {
  applyFor,
  adoptPolicy,
  approveAndAccept,
  confirmedReceivable,
  Desk,
  POLICY,
  reaches,
  startFinancingStack,
  timeline,
} from '../support/financing';
import { reconcile } from '../support/reconciliation';
import { eventually } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/** Business days of 3 s here: a statement three days late is nine seconds late, and grace is long enough for the steps. */
const DAY_MS = 3000;
const GRACE_DAYS = 5;
const MATURITY_DAYS = 5;
const ACCOUNT = 'COLLECTION-1';

const businessDate = (daysFromToday: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + daysFromToday * 86_400_000));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A camt.053 of one day: the entries given, from an opening balance of zero. */
function camt053(day: string, entries: string[], closing: string): string {
  const balance = (type: string, amount: string) =>
    `<Bal><Tp><CdOrPrtry><Cd>${type}</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>${day}</Dt></Dt></Bal>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>BOT-${day}</MsgId><CreDtTm>${day}T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>BOT-STMT-${day}</Id><CreDtTm>${day}T18:00:00</CreDtTm><Acct><Id><Othr><Id>${ACCOUNT}</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
${balance('OPBD', '0.00')}${balance('CLBD', closing)}${entries.join('\n')}</Stmt></BkToCstmrStmt></Document>`;
}

const entry = (day: string, amount: string, direction: 'CRDT' | 'DBIT', inner: string) =>
  `<Ntry><Amt Ccy="CNY">${amount}</Amt><CdtDbtInd>${direction}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt>${inner}</Ntry>`;
const txDetails = (amount: string, reference: string, payer: string) =>
  `<TxDtls><Refs><EndToEndId>${reference}</EndToEndId></Refs><AmtDtls><TxAmt><Amt Ccy="CNY">${amount}</Amt></TxAmt></AmtDtls><RltdPties><Dbtr><Nm>${payer}</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${reference}</Ustrd></RmtInf></TxDtls>`;

/** MT940 amounts: comma decimals. */
const swift = (amount: string) => amount.replace('.', ',');
const yymmdd = (day: string) => day.slice(2).replace(/-/g, '');

/**
 * Issue 15's back office, end to end: a batched camt.053 pays two financings' invoices with
 * different references in one entry and carries the bank's charge, booked by the account's
 * rule; an MT940 in GBK with Chinese text is imported three days after its value date and
 * pays a third financing without the penalty three more days would have cost; a Chinese
 * stray credit is written off. The daily report's difference reaches zero.
 */
describe('back-office truth: value dates, batched entries, bank charges, encodings', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;

  beforeAll(async () => {
    const stack = await startFinancingStack('back-office-truth', { FINANCING_DAY_MS: DAY_MS });
    ({ api, desk: d } = stack);
    const graced = (p: object) => ({ ...p, graceDays: GRACE_DAYS });
    await adoptPolicy(d, {
      ...POLICY,
      pricing: {
        RECEIVABLE_FINANCING: graced(POLICY.pricing.RECEIVABLE_FINANCING),
        WAREHOUSE_RECEIPT_LOAN: graced(POLICY.pricing.WAREHOUSE_RECEIPT_LOAN),
      },
    });
    worker = await startWorkerProcess(stack.config, api.temporal);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  async function repayingFinancing(): Promise<{ id: string; paymentReference: string }> {
    const receivable = await confirmedReceivable(api, d, '1000000.00', MATURITY_DAYS);
    const { id, paymentReference } = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: api.parties.bank,
      amount: '800000.00',
    });
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    return { id, paymentReference };
  }

  /** When the instalment fell due, and what it owes then (interest and principal). */
  async function fellDue(id: string): Promise<{ at: number; owed: string }> {
    const step = await eventually(
      async () => (await timeline(d, id)).find((s) => s.step === 'instalment.due'),
      'the instalment falling due',
    );
    const { due } = (await d.sme.get(`/financings/${id}`).expect(200)).body.state.book;
    return {
      at: Date.parse((step as unknown as { at: string }).at),
      owed: Money.of(due.interest).plus(Money.of(due.principal)).toString(),
    };
  }

  const allocationOf = async (id: string) =>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the step's detail is the allocation
    (await timeline(d, id)).find((s) => s.step === 'payment.allocated') as any;

  it('books every line where it belongs, values the late statement back, and the report closes', async () => {
    await d.backOffice
      .put(`/reconciliation/accounts/${ACCOUNT}`)
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY' })
      .expect(200);
    const rule = (
      await d.backOffice
        .post(`/reconciliation/accounts/${ACCOUNT}/rules`)
        .send({ name: '账户管理费', bankTransactionCode: 'ACMT/MDOP/CHRG', direction: 'DBIT', ledgerAccount: 'BANK_CHARGES' })
        .expect(202)
    ).body;
    await d.backOffice.post(`/approval-requests/${rule.id}/approve`).send({}).expect(403); // never one's own
    await d.treasury.post(`/approval-requests/${rule.id}/approve`).send({}).expect(200);

    const a = await repayingFinancing();
    const b = await repayingFinancing();
    const c = await repayingFinancing();
    const [dueA, dueB, dueC] = [await fellDue(a.id), await fellDue(b.id), await fellDue(c.id)];

    // today's camt.053: one batched entry pays A and B (two TxDtls, two references), and the bank's charge
    const today = businessDate(0);
    const batch = Money.of(dueA.owed).plus(Money.of(dueB.owed)).toString();
    const charge = `<BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>`;
    const camt = camt053(
      today,
      [
        entry(
          today,
          batch,
          'CRDT',
          `<NtryDtls>${txDetails(dueA.owed, a.paymentReference, '国网能源集团')}${txDetails(dueB.owed, b.paymentReference, '国网能源集团')}</NtryDtls>`,
        ),
        entry(
          today,
          '12.50',
          'DBIT',
          `${charge}<NtryDtls><TxDtls><RmtInf><Ustrd>ACCOUNT MAINTENANCE FEE</Ustrd></RmtInf></TxDtls></NtryDtls>`,
        ),
      ],
      Money.of(batch).minus(Money.of('12.50')).toString(),
    );
    await d.backOffice.post('/statements?format=camt.053').set('content-type', 'application/xml').send(camt).expect(201);
    await reconcile(d.backOffice);
    for (const f of [a, b]) {
      await reaches(d, f.id, 'CLOSED');
      expect(await allocationOf(f.id)).toMatchObject({ detail: { penalty: '0.00', surplus: '0.00' } });
    }

    // C stays unpaid past its grace: a payment booked today would owe penalty; its statement
    // (valued three days ago, in GBK with Chinese text) comes now
    const pastGrace = dueC.at + (GRACE_DAYS + 1.3) * DAY_MS - Date.now();
    if (pastGrace > 0) await sleep(pastGrace);
    const valued = businessDate(-3);
    const mt940 = [
      ':20:BOT-MT940',
      `:25:${ACCOUNT}`,
      ':28C:1/1',
      `:60F:C${yymmdd(valued)}CNY0,00`,
      `:61:${yymmdd(valued)}C${swift(dueC.owed)}NTRFNONREF`,
      `:86:/EREF/${c.paymentReference}/ORDP/国网能源集团有限公司/REMI/应收账款还款`,
      `:61:${yymmdd(valued)}C${swift('5.00')}NTRFNONREF`,
      ':86:/ORDP/哈密丝路物流有限公司/REMI/货款尾差',
      `:62F:C${yymmdd(valued)}CNY${swift(Money.of(dueC.owed).plus(Money.of('5.00')).toString())}`,
      '-',
    ].join('\r\n');
    await d.backOffice
      .post('/statements?format=mt940')
      .set('content-type', 'application/octet-stream')
      .send(iconv.encode(mt940, 'gbk'))
      .expect(201);
    const run = await reconcile(d.backOffice);
    const allocated = await eventually(() => allocationOf(c.id), `C's allocation (run ${JSON.stringify(run)})`);
    expect(allocated.detail).toMatchObject({ penalty: '0.00', surplus: '0.00', valueDate: valued });
    await reaches(d, c.id, 'CLOSED');

    // the stray credit, read in Chinese, is written off: the books then agree with the bank
    const queue = (await d.backOffice.get('/statements/exceptions').expect(200)).body;
    const stray = queue.items.find((l: { amount: string }) => l.amount === '5.00');
    expect(stray.remittance).toContain('货款尾差');
    const writeOff = (
      await d.backOffice.post(`/reconciliation/lines/${stray.lineId}/write-off`).send({ reason: '货款尾差，无对应融资' }).expect(201)
    ).body;

    const report = (await d.backOffice.get(`/reconciliation/report?from=${valued}&to=${today}&account=${ACCOUNT}`).expect(200)).body;
    expect(report.map((r: { day: string; difference: string }) => [r.day, r.difference])).toEqual([
      [valued, '0.00'],
      [today, '0.00'],
    ]);
    const books = (await d.backOffice.get('/ledger/balances').expect(200)).body as Array<{ account: string; balance: string }>;
    expect(books.filter((row) => row.account === 'BANK_CHARGES').map((row) => row.balance)).toEqual(['12.50']);
    expect(books.filter((row) => row.account === 'RECONCILIATION_DIFFERENCES').map((row) => row.balance)).toEqual(['-5.00']);

    // undoing the write-off takes its posting back: the line awaits again, the differences are nil
    await d.backOffice.post(`/reconciliation/matches/${writeOff.id}/reverse`).send({ reason: '查明为货款' }).expect(200);
    const after = (await d.backOffice.get('/ledger/balances').expect(200)).body as Array<{ account: string; balance: string }>;
    const differences = after.filter((row) => row.account === 'RECONCILIATION_DIFFERENCES').map((row) => Money.of(row.balance));
    expect(differences.reduce((t, m) => t.plus(m), Money.zero()).toString()).toBe('0.00');
  });
});
