import { ScheduleOverlapPolicy } from '@temporalio/client';
import { dailyScheduleId, ExpectedMovement, ExpectedMovementsService, reconciliationWorkflowId } from '@caravan/reconciliation';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { Money } from '@caravan/money';
// the read rule 4 makes, run as the batch runs it: in the bank's scope
import { findAutomaticLinesAwaitedBy } from '../../libs/reconciliation/src/infrastructure/statement-line.repository';
import { recordHistory } from '../support/histories';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { isoDaysFromToday } from '../support/financing';
import { onboardRival } from '../support/two-banks';
import { reconcile } from '../support/reconciliation';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * The matching rules after the exact reference, the exceptions queue's suggestions, manual
 * match / unmatch / write-off, runs with progress, the daily schedule and the report. Expected
 * movements are recorded through the service as the financing activities do; the statement
 * lines come in as a CSV file.
 */
describe('reconciliation: rules, suggestions, manual decisions, runs and the report', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let backOffice: TokenAgent;
  let auditor: TokenAgent;
  let config: AppConfig;
  const today = isoDaysFromToday(0);
  const window = { valueFrom: isoDaysFromToday(-2), valueTo: isoDaysFromToday(5) };

  beforeAll(async () => {
    config = await isolatedConfig('matching');
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    backOffice = await api.as(PEOPLE.backOffice);
    auditor = await api.as('auditor@caravan.example');
    await backOffice
      .put('/statements/csv-mappings/PAY-9')
      .send({
        delimiter: ';',
        hasHeader: true,
        decimalSeparator: '.',
        dateFormat: 'YYYY-MM-DD',
        currency: 'CNY',
        columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4, remittance: 5 },
      })
      .expect(200);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  /** What the bank's financing workflows would await, recorded as they do: in the bank's scope. */
  const awaits = (m: ExpectedMovement) =>
    api.app
      .get(ScopedDatabase)
      .transaction({ organisationId: api.parties.bank, readsAll: false }, (em) => api.app.get(ExpectedMovementsService).expect(m, em));
  const payout = (endToEndId: string, amount: string, counterparty: string, financingRef = endToEndId.split('/')[0]) =>
    awaits({ financingRef, kind: 'PAYOUT', endToEndId, direction: 'DBIT', amount, currency: 'CNY', counterparty, ...window });
  let file = 0;
  const importLines = (rows: string[]) =>
    backOffice
      .post('/statements?format=csv&account=PAY-9')
      .set('content-type', 'text/plain')
      // each file differs, or it would be the same statement again
      .send(['date;amount;e2e;name;text', ...rows, `${today};0.01;;Bank;file ${++file}`].join('\n'))
      .expect(201);
  const lineOf = async (text: string) =>
    (await api.owner.query('SELECT id::text AS id, match_status AS status FROM statement_lines WHERE remittance = $1', [text]))[0] as {
      id: string;
      status: string;
    };
  const expected = async (endToEndId: string) =>
    (
      await api.owner.query('SELECT id, status, settled::text AS settled FROM expected_movements WHERE end_to_end_id = $1', [endToEndId])
    )[0] as { id: string; status: string; settled: string };
  const decisionOf = async (lineId: string) =>
    (
      await api.owner.query(
        `SELECT d.id, d.method, d.confidence::text AS confidence, d.status FROM match_decisions d JOIN match_links k ON k.decision_id = d.id WHERE k.line_id = $1 ORDER BY d.decided_at DESC LIMIT 1`,
        [lineId],
      )
    )[0];
  const queueItem = async (lineId: string) => {
    const queue = (await backOffice.get('/statements/exceptions?limit=100').expect(200)).body;
    return queue.items.find((i: { lineId: string }) => i.lineId === lineId);
  };

  it('matches by amount, window and payer; by a run of instalments; suggests parts and ties; reports progress', async () => {
    await payout('P-1/payout', '1234.56', '新疆哈密物流有限公司');
    await payout('T-1/payout', '777.00', 'Acme Freight');
    await payout('T-2/payout', '777.00', 'Acme Freight');
    await payout('F-9/1', '100.00', 'Silk Road Storage', 'F-9');
    await payout('F-9/2', '200.00', 'Silk Road Storage', 'F-9');
    await payout('F-9/3', '300.00', 'Silk Road Storage', 'F-9');
    await payout('Q-1/payout', '900.00', 'Kunlun Trading Co.');
    await payout('R-1/payout', '1000.00', 'Tianshan Steel');
    await importLines([
      `${today};-1234.56;;新疆哈密物流 有限公司;rule two`,
      `${today};-777.00;;ACME FREIGHT;a tie`,
      `${today};-500.00;;Silk Road Storage;two instalments at once`,
      `${today};-400.00;;kunlun trading co;first part`,
      `${today};-500.00;;Kunlun Trading Co;second part`,
      `${today};-600.00;R-1/payout;Tianshan Steel;partial by reference`,
    ]);

    const run = await reconcile(backOffice);
    expect(run).toMatchObject({ status: 'DONE', trigger: 'ON_DEMAND', total: 7, processed: 7, matched: 3 });
    await recordHistory(api.temporal, reconciliationWorkflowId(run.id), 'reconciliation-run');

    expect(await decisionOf((await lineOf('rule two')).id)).toMatchObject({
      method: 'AMOUNT_DATE_COUNTERPARTY',
      confidence: '1.00',
      status: 'ACTIVE',
    });
    expect(await expected('P-1/payout')).toMatchObject({ status: 'MATCHED', settled: '1234.56' });
    // one debit of 500.00 settled the second and third instalments
    expect(await decisionOf((await lineOf('two instalments at once')).id)).toMatchObject({
      method: 'MANY_TO_ONE',
      confidence: '0.90',
      status: 'ACTIVE',
    });
    expect([(await expected('F-9/1')).status, (await expected('F-9/2')).status, (await expected('F-9/3')).status]).toEqual([
      'OPEN',
      'MATCHED',
      'MATCHED',
    ]);
    // a partial payment by reference leaves the rest awaited
    expect((await lineOf('partial by reference')).status).toBe('MATCHED');
    expect(await expected('R-1/payout')).toMatchObject({ status: 'PARTIAL', settled: '600.00' });

    // two equally good candidates: a suggestion, not a match
    const tie = await lineOf('a tie');
    expect(tie.status).toBe('UNMATCHED');
    expect((await queueItem(tie.id)).suggestions).toEqual([
      expect.objectContaining({ method: 'AMOUNT_DATE_COUNTERPARTY', confidence: '0.50' }),
    ]);
    // parts of one payment are only ever suggested; confirming makes the match
    const [first, second] = [await lineOf('first part'), await lineOf('second part')];
    const [parts] = (await queueItem(first.id)).suggestions;
    expect(parts).toMatchObject({ method: 'ONE_TO_MANY', confidence: '0.80' });
    expect(parts.links.map((l: { lineId: string }) => l.lineId).sort()).toEqual([first.id, second.id].sort());
    const confirmed = (await backOffice.post(`/reconciliation/matches/${parts.decisionId}/confirm`).expect(200)).body;
    expect(confirmed).toMatchObject({ method: 'MANUAL', status: 'ACTIVE', writtenOff: '0.00' });
    expect(await expected('Q-1/payout')).toMatchObject({ status: 'MATCHED', settled: '900.00' });
    expect((await backOffice.post(`/reconciliation/matches/${parts.decisionId}/confirm`).expect(409)).body.code).toBe(
      'RECONCILIATION.NOT_A_SUGGESTION',
    );
    // a second run proposes the tie again, and nothing else
    expect(await reconcile(backOffice)).toMatchObject({ status: 'DONE', total: 2, processed: 2, matched: 0, suggested: 1 });
  });

  it('hands a payment its financing cannot take back to the queue, and leaves it to people after that', async () => {
    await awaits({
      financingRef: 'RF-GHOST',
      kind: 'REPAYMENT',
      endToEndId: 'RF-GHOST',
      direction: 'CRDT',
      amount: '50.00',
      currency: 'CNY',
      ...window,
    });
    await importLines([`${today};50.00;RF-GHOST;Somebody;for a financing that does not exist`]);
    await reconcile(backOffice);
    const line = await lineOf('for a financing that does not exist');
    expect(line.status).toBe('UNMATCHED');
    const [reversal] = await api.owner.query(
      `SELECT after FROM audit_events WHERE action = 'statement-match.reverse' ORDER BY id DESC LIMIT 1`,
    );
    expect(reversal.after.reason).toMatch(/RF-GHOST refused the payment/);
    expect(await expected('RF-GHOST')).toMatchObject({ status: 'OPEN', settled: '0.00' });
    // the next run does not match and refuse it again
    await reconcile(backOffice);
    expect(await decisionOf(line.id)).toMatchObject({ status: 'REVERSED' });
    expect(await queueItem(line.id)).toMatchObject({ amount: '50.00', endToEndId: 'RF-GHOST' });
  });

  it('matches by hand within tolerance, writes off and undoes, each audited; beyond tolerance only with a second person', async () => {
    await payout('M-1/payout', '2000.00', 'Hami Yard');
    await importLines([
      `${today};-1995.00;;Hami Yard Ltd;short by five`,
      `${today};-1500.00;;Hami Yard Ltd;far too short`,
      `${today};3.50;;Bank;interest credit`,
    ]);
    const short = await lineOf('short by five');
    const far = await lineOf('far too short');
    const m1 = await expected('M-1/payout');
    const treasury = await api.as(PEOPLE.treasury);
    const tooFar = (
      await backOffice
        .post('/reconciliation/matches')
        .send({ lineIds: [far.id], expectedIds: [m1.id], reason: 'try' })
        .expect(202)
    ).body;
    expect(tooFar).toMatchObject({ kind: 'reconciliation.match', status: 'PENDING', payload: { lineIds: [far.id], expectedIds: [m1.id] } });
    expect((await lineOf('far too short')).status).toBe('UNMATCHED'); // nothing until a second person decides
    await treasury.post(`/approval-requests/${tooFar.id}/reject`).send({ reason: 'ask the supplier first' }).expect(200);
    expect((await lineOf('far too short')).status).toBe('UNMATCHED');
    expect(
      (
        await backOffice
          .post('/reconciliation/matches')
          .send({ lineIds: [short.id], expectedIds: [m1.id] })
          .expect(400)
      ).body.code,
    ).toBe('RECONCILIATION.REASON_REQUIRED');
    const manual = (
      await backOffice
        .post('/reconciliation/matches')
        .send({ lineIds: [short.id], expectedIds: [m1.id], reason: 'bank charge deducted' })
        .expect(201)
    ).body;
    expect(manual).toMatchObject({
      method: 'MANUAL',
      status: 'ACTIVE',
      writtenOff: '-5.00',
      links: [{ lineId: short.id, expectedId: m1.id, amount: '1995.00' }],
    });
    expect(await expected('M-1/payout')).toMatchObject({ status: 'MATCHED', settled: '1995.00' });
    expect(
      (
        await backOffice
          .post('/reconciliation/matches')
          .send({ lineIds: [short.id], expectedIds: [m1.id], reason: 'again' })
          .expect(409)
      ).body.code,
    ).toBe('RECONCILIATION.LINE_DECIDED');

    // undone: the line is back in the queue, the movement awaited again
    await backOffice.post(`/reconciliation/matches/${manual.id}/reverse`).send({ reason: 'wrong supplier' }).expect(200);
    expect((await lineOf('short by five')).status).toBe('UNMATCHED');
    expect(await expected('M-1/payout')).toMatchObject({ status: 'OPEN', settled: '0.00' });
    expect((await backOffice.post(`/reconciliation/matches/${manual.id}/reverse`).send({ reason: 'twice' }).expect(409)).body.code).toBe(
      'RECONCILIATION.ALREADY_REVERSED',
    );

    const interest = await lineOf('interest credit');
    const writeOff = (await backOffice.post(`/reconciliation/lines/${interest.id}/write-off`).send({ reason: 'bank interest' }).expect(201))
      .body;
    expect(writeOff).toMatchObject({ method: 'WRITE_OFF', writtenOff: '3.50' });
    expect((await lineOf('interest credit')).status).toBe('WRITTEN_OFF');
    const bigWriteOff = (
      await backOffice.post(`/reconciliation/lines/${far.id}/write-off`).send({ reason: 'supplier refund, booked elsewhere' }).expect(202)
    ).body;
    await backOffice.post(`/approval-requests/${bigWriteOff.id}/approve`).send({}).expect(403); // never one's own
    expect((await treasury.post(`/approval-requests/${bigWriteOff.id}/approve`).send({}).expect(200)).body.status).toBe('APPROVED');
    expect((await lineOf('far too short')).status).toBe('WRITTEN_OFF');
    expect(await decisionOf(far.id)).toMatchObject({ method: 'WRITE_OFF', status: 'ACTIVE' });
    await backOffice.post(`/reconciliation/matches/${writeOff.id}/reverse`).send({ reason: 'booked as income instead' }).expect(200);
    expect((await lineOf('interest credit')).status).toBe('UNMATCHED');

    const actions = (
      await api.owner.query(
        `SELECT action, actor_label FROM audit_events WHERE entity_type = 'statement-match' AND entity_id = ANY($1) ORDER BY id`,
        [[manual.id, writeOff.id]],
      )
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['statement-line.match', 'statement-match.reverse', 'statement-line.write-off', 'statement-match.reverse']);
    expect(
      (
        await auditor
          .post('/reconciliation/matches')
          .send({ lineIds: [short.id], expectedIds: [m1.id] })
          .expect(403)
      ).body.code,
    ).toBeDefined();
  });

  it('reports each account and day as JSON and CSV, with the ledger difference', async () => {
    await backOffice.put('/reconciliation/accounts/PAY-9').send({ ledgerAccount: 'BANK_FUNDING', currency: 'CNY' }).expect(200);
    const [bank] = await api.owner.query(
      `SELECT count(*) FILTER (WHERE match_status = 'MATCHED')::int AS matched, count(*) FILTER (WHERE match_status = 'UNMATCHED')::int AS unmatched,
              sum(CASE WHEN direction = 'CRDT' THEN amount ELSE -amount END)::text AS balance FROM statement_lines WHERE account = 'PAY-9'`,
    );
    const [row] = (await auditor.get(`/reconciliation/report?from=${today}&to=${today}`).expect(200)).body;
    expect(row).toMatchObject({
      account: 'PAY-9',
      day: today,
      currency: 'CNY',
      matchedCount: bank.matched,
      unmatchedCount: bank.unmatched,
      bankBalance: bank.balance,
      ledgerAccount: 'BANK_FUNDING',
      ledgerBalance: '0.00',
    });
    // nothing is booked in this test's ledger: the difference is the whole bank balance
    expect(row.difference).toBe(Money.zero().minus(Money.of(bank.balance)).toString());
    const csv = await auditor.get(`/reconciliation/report?from=${today}&to=${today}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`reconciliation-${today}-${today}.csv`);
    const [header, first] = csv.text.trim().split('\r\n');
    expect(header).toBe(
      'account,day,currency,matchedCount,matchedSum,unmatchedCount,unmatchedSum,writtenOffCount,writtenOffSum,bankBalance,ledgerAccount,ledgerBalance,difference',
    );
    expect(first.split(',')).toEqual([
      'PAY-9',
      today,
      'CNY',
      String(row.matchedCount),
      row.matchedSum,
      String(row.unmatchedCount),
      row.unmatchedSum,
      '1',
      '-1500.00',
      row.bankBalance,
      'BANK_FUNDING',
      '0.00',
      row.difference,
    ]);
    // for a Chinese reader the same columns and figures under Chinese headers, with a BOM so Excel reads UTF-8
    const zh = await auditor.get(`/reconciliation/report?from=${today}&to=${today}&format=csv&lang=zh-CN`).expect(200);
    const [zhHeader, zhFirst] = zh.text.split('\r\n'); // not trimmed: trim() takes the BOM away
    expect(zhHeader).toBe(
      '\uFEFF账户,日期,币种,已匹配笔数,已匹配金额,未匹配笔数,未匹配金额,已核销笔数,已核销金额,银行余额,总账科目,总账余额,差额',
    );
    expect(zhFirst).toBe(first);
    await auditor.get(`/reconciliation/report?from=${today}&to=${today}&format=csv&lang=fr`).expect(400);
    expect((await auditor.get(`/reconciliation/report?from=${today}&to=2000-01-01`).expect(400)).body.code).toBe(
      'RECONCILIATION.BAD_PERIOD',
    );
  });

  it('runs daily from a Temporal Schedule that skips overlaps and catches up', async () => {
    const schedule = api.temporal.schedule.getHandle(dailyScheduleId(api.parties.bank));
    const described = await schedule.describe();
    expect(described.policies).toMatchObject({ overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: 3 * 86_400_000 });
    expect(described.spec.timezone).toBe(config.BUSINESS_TIMEZONE);
    await schedule.trigger();
    const run = await eventually(async () => {
      const page = (await backOffice.get('/reconciliation/runs').expect(200)).body;
      return page.items.find((r: { trigger: string; status: string }) => r.trigger === 'SCHEDULE' && r.status === 'DONE');
    }, 'the scheduled run');
    expect(run.id).toMatch(new RegExp(`^daily-${api.parties.bank}-`));
    expect(run.startedBy).toBe('system:daily-reconciliation');
  });

  it('matches each transaction of a batched camt entry to its own expected movement', async () => {
    // the bank's payment file of two payouts, booked as one debit of 4,000.00
    await payout('B-1/payout', '1500.00', 'Hami Cotton Co.');
    await payout('B-2/payout', '2500.00', 'Turpan Grape Growers');
    const tx = (e2e: string, amount: string, payee: string) =>
      `<TxDtls><Refs><EndToEndId>${e2e}</EndToEndId></Refs><Amt Ccy="CNY">${amount}</Amt><RltdPties><Cdtr><Nm>${payee}</Nm></Cdtr></RltdPties></TxDtls>`;
    const camt = `<?xml version="1.0"?>
<Document><BkToCstmrDbtCdtNtfctn><Ntfctn><Id>BATCH-1</Id><Acct><Id><Othr><Id>PAY-BATCH</Id></Othr></Id><Ccy>CNY</Ccy></Acct>
<Ntry><Amt Ccy="CNY">4000.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><BookgDt><Dt>${today}</Dt></BookgDt><NtryDtls>
${tx('B-1/payout', '1500.00', 'Hami Cotton Co.')}
${tx('B-2/payout', '2500.00', 'Turpan Grape Growers')}
</NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const imported = await backOffice.post('/statements?format=camt.054').set('content-type', 'application/xml').send(camt).expect(201);
    expect(imported.body).toEqual([expect.objectContaining({ entries: 1, newLines: 2 })]);
    await reconcile(backOffice);
    const lines = await api.owner.query(
      `SELECT end_to_end_id AS e2e, match_status AS status, entry_amount::text AS "entryAmount" FROM statement_lines WHERE account = 'PAY-BATCH' ORDER BY position`,
    );
    expect(lines).toEqual([
      { e2e: 'B-1/payout', status: 'MATCHED', entryAmount: '4000.00' },
      { e2e: 'B-2/payout', status: 'MATCHED', entryAmount: '4000.00' },
    ]);
    expect(await expected('B-1/payout')).toMatchObject({ status: 'MATCHED', settled: '1500.00' });
    expect(await expected('B-2/payout')).toMatchObject({ status: 'MATCHED', settled: '2500.00' });
  });

  it('reads, for a payment in parts, the payer’s unmatched lines inside the window of what it awaits, not all it ever sent', async () => {
    await payout('G-1/payout', '300.00', 'Gobi Logistics');
    await importLines([
      `${isoDaysFromToday(-30)};-100.00;;Gobi Logistics;gobi before the window`,
      `${isoDaysFromToday(6)};-100.00;;Gobi Logistics;gobi after the window`,
      `${today};100.00;;Gobi Logistics;gobi a credit`,
      `${today};-100.00;;Taklamakan Freight;another payer`,
      `${today};-100.00;;Gobi Logistics;gobi inside`,
      `${isoDaysFromToday(5)};-250.00;;gobi logistics;gobi on the window's last day`,
    ]);
    const movement = (await expected('G-1/payout')).id;
    const read = await api.app
      .get(ScopedDatabase)
      .transaction({ organisationId: api.parties.bank, readsAll: false }, (em) => findAutomaticLinesAwaitedBy(em, [movement]));
    expect(read.map((l) => l.id)).toEqual([(await lineOf('gobi inside')).id, (await lineOf("gobi on the window's last day")).id]);
    // another bank naming the movement reads none of them
    const rival = await onboardRival(api);
    const readByRival = await api.app
      .get(ScopedDatabase)
      .transaction({ organisationId: rival.bankId, readsAll: false }, (em) => findAutomaticLinesAwaitedBy(em, [movement]));
    expect(readByRival).toEqual([]);
  });
});
