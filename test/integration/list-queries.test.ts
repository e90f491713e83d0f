import { randomUUID } from 'node:crypto';
import { ExpectedMovementsService } from '@caravan/reconciliation';
import { ScopedDatabase } from '@caravan/database';
import { disbursementLines, LedgerService } from '@caravan/ledger';
import { systemActor } from '@caravan/access';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { isoDaysFromToday } from '../support/financing';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';
import { onboardRival, Rival } from '../support/two-banks';

type Item = Record<string, unknown>;
interface PageBody {
  items: Item[];
  total: number;
}

/**
 * The lists the portal shows, on the shared convention (`sort`, `order`, `q`, the list's
 * filters, `limit`/`offset`): each sorted both ways, filtered, searched (a `%` or `_` typed is
 * itself, not a wildcard) and paged with the right totals; an unknown sort field refused naming
 * `sort`; another bank's people find none of these rows whatever they search. No workflow
 * runs here: what a workflow would have moved (a stage, an answer) is set as the owner.
 */
describe('lists: server-side sort, search, filters and paging', () => {
  let api: TestApi;
  let rival: Rival;
  let sme: TokenAgent;
  let debtor: TokenAgent;
  let custodian: TokenAgent;
  let officer: TokenAgent;
  let approver: TokenAgent;
  let backOffice: TokenAgent;
  const today = isoDaysFromToday(0);
  const receivables: Array<{ id: string; invoiceNumber: string; amount: string }> = [];

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('list-queries'));
    [sme, debtor, custodian, officer, approver, backOffice] = await Promise.all(
      [PEOPLE.applicant, PEOPLE.payablesClerk, PEOPLE.custodian, PEOPLE.creditOfficer, PEOPLE.approverA, PEOPLE.backOffice].map((p) =>
        api.as(p),
      ),
    );
    rival = await onboardRival(api);
    for (const [invoiceNumber, amount] of [
      ['LQ-A1', '300.00'],
      ['LQ-A2', '100.00'],
      ['LQ-A3', '500.00'],
      ['LQ-A4', '200.00'],
      ['LQ-A5', '400.00'],
      ['LQ_B6', '250.00'],
    ]) {
      const { body } = await sme.post('/receivables').send(receivableBody(api.parties.powerGroup, { invoiceNumber, amount })).expect(201);
      receivables.push(body);
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const get = async (agent: TokenAgent, path: string, query: Record<string, string | number> = {}): Promise<PageBody> =>
    (await agent.get(path).query(query).expect(200)).body;

  /** Every page of the list, two at a time: each page's total is the whole list's, and no row twice. */
  async function paged(agent: TokenAgent, path: string, query: Record<string, string> = {}, key = 'id'): Promise<Item[]> {
    const first = await get(agent, path, { ...query, limit: 2, offset: 0 });
    const items = [...first.items];
    for (let offset = 2; offset < first.total; offset += 2) {
      const page = await get(agent, path, { ...query, limit: 2, offset });
      expect(page.total).toBe(first.total);
      items.push(...page.items);
    }
    expect(items).toHaveLength(first.total);
    expect(new Set(items.map((i) => i[key])).size).toBe(first.total);
    return items;
  }

  /** Sorted by `sort` ascending (in `value`'s order, paged) and descending (exactly the reverse: ties go by id both ways). */
  async function sortsBothWays(
    agent: TokenAgent,
    path: string,
    sort: string,
    value: (item: Item) => number | string,
    query: Record<string, string> = {},
    key = 'id',
  ): Promise<Item[]> {
    const ascending = await paged(agent, path, { ...query, sort, order: 'asc' }, key);
    const values = ascending.map(value);
    expect(values).toEqual([...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const descending = await paged(agent, path, { ...query, sort, order: 'desc' }, key);
    expect(descending.map((i) => i[key])).toEqual(ascending.map((i) => i[key]).reverse());
    return ascending;
  }

  const refusesSort = async (agent: TokenAgent, path: string, query: Record<string, string> = {}) => {
    for (const sort of ['id; DROP TABLE receivables', 'created_at', 'AMOUNT']) {
      const { body } = await agent
        .get(path)
        .query({ ...query, sort })
        .expect(400);
      expect(body.code).toBe('REQUEST.INVALID');
      expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['sort']);
    }
    expect(
      (
        await agent
          .get(path)
          .query({ ...query, order: 'sideways' })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('order');
  };

  const amountOf = (i: Item) => Number(i.amount);

  it('receivables: sorted, searched (an underscore is an underscore), in to-do and done tabs, paged', async () => {
    const mine = { q: 'LQ' };
    const byAmount = await sortsBothWays(sme, '/receivables', 'amount', amountOf, mine);
    expect(byAmount.map((r) => r.invoiceNumber)).toEqual(['LQ-A2', 'LQ-A4', 'LQ_B6', 'LQ-A1', 'LQ-A5', 'LQ-A3']);
    await sortsBothWays(sme, '/receivables', 'invoiceNumber', (r) => String(r.invoiceNumber), { q: 'LQ-' });

    expect((await get(sme, '/receivables', { q: 'LQ_' })).items.map((r) => r.invoiceNumber)).toEqual(['LQ_B6']);
    expect((await get(sme, '/receivables', { q: '  lq-a3 ' })).items.map((r) => r.invoiceNumber)).toEqual(['LQ-A3']);
    expect((await get(sme, '/receivables', { q: '%' })).total).toBe(0);
    // by the debtor's name, as the SME knows it
    expect((await get(sme, '/receivables', { q: 'Energy Power', limit: 100 })).total).toBe(6);

    // the buyer's tabs: awaiting its answer, and answered
    const [a1, a2, a3] = receivables;
    await sme.post(`/receivables/${a1.id}/submit`).expect(200);
    await sme.post(`/receivables/${a2.id}/submit`).expect(200);
    await sme.post(`/receivables/${a3.id}/submit`).expect(200);
    await api.owner.query(`UPDATE receivables SET status = 'CONFIRMED' WHERE id = $1`, [a3.id]);
    const todo = await get(debtor, '/receivables', { queue: 'todo', sort: 'amount', order: 'desc' });
    expect(todo).toMatchObject({ total: 2, items: [{ id: a1.id }, { id: a2.id }] });
    expect(await get(debtor, '/receivables', { queue: 'done' })).toMatchObject({ total: 1, items: [{ id: a3.id, status: 'CONFIRMED' }] });
    expect((await get(debtor, '/receivables', { queue: 'todo', q: 'LQ-A2' })).total).toBe(1);
    expect((await debtor.get('/receivables').query({ queue: 'later' }).expect(400)).body.errors[0].field).toBe('queue');

    await refusesSort(sme, '/receivables');
    expect(
      (
        await sme
          .get('/receivables')
          .query({ q: 'x'.repeat(101) })
          .expect(400)
      ).body.errors[0].field,
    ).toBe('q');
  });

  /** Financings as the workflow leaves them, one per receivable, at the stages the tabs split. */
  const STAGES = ['AWAITING_RECOMMENDATION', 'AWAITING_APPROVAL', 'AWAITING_APPROVAL', 'REPAYING', 'AWAITING_ACCEPTANCE'];
  const financingRefs: string[] = [];

  it('financings: each reader’s to-do list and the rest, sorted by amount or deadline, searched by invoice, reference or name', async () => {
    for (const [i, stage] of STAGES.entries()) {
      const r = receivables[i];
      const ref = `LQ-FIN-${i + 1}`;
      financingRefs.push(ref);
      const deadline = new Date(Date.UTC(2027, 0, 10 - i)).toISOString();
      await api.owner.query(
        `INSERT INTO financings (id, ref, product, sme_id, bank_id, counterparty_id, asset_type, asset_id, amount, currency, terms, stage, state, created_at, updated_at)
         VALUES ($1, $2, 'RECEIVABLE_FINANCING', $3, $4, $5, 'RECEIVABLE', $6, $7, 'CNY', '{}', $8, $9, now() - make_interval(mins => $10), now())`,
        [
          randomUUID(),
          ref,
          api.parties.hami,
          api.parties.bank,
          api.parties.powerGroup,
          r.id,
          r.amount,
          stage,
          { stage, waitingFor: { step: 'x', deadline } },
          i,
        ],
      );
    }
    const ours = { q: 'LQ-FIN' };
    const byAmount = await sortsBothWays(sme, '/financings', 'amount', amountOf, ours);
    expect(byAmount.map((f) => f.ref)).toEqual(['LQ-FIN-2', 'LQ-FIN-4', 'LQ-FIN-1', 'LQ-FIN-5', 'LQ-FIN-3']);
    const byDeadline = await sortsBothWays(
      approver,
      '/financings',
      'deadline',
      (f) => String((f.state as Item).waitingFor && ((f.state as Item).waitingFor as Item).deadline),
      ours,
    );
    expect(byDeadline.map((f) => f.ref)).toEqual(['LQ-FIN-5', 'LQ-FIN-4', 'LQ-FIN-3', 'LQ-FIN-2', 'LQ-FIN-1']);
    // newest first by default
    expect((await get(sme, '/financings', ours)).items.map((f) => f.ref)).toEqual(financingRefs);

    // searched by the invoice behind it, its own number, or a party's name
    expect((await get(approver, '/financings', { q: 'lq-a4' })).items.map((f) => f.ref)).toEqual(['LQ-FIN-4']);
    expect((await get(approver, '/financings', { q: 'Hami Silk', limit: 100 })).total).toBe(5);
    expect((await get(approver, '/financings', { q: 'LQ_FIN' })).total).toBe(0);

    // the approver's queue is what awaits approval; the credit officer's what awaits a recommendation; the SME's its acceptance
    const approverTodo = await get(approver, '/financings', { queue: 'todo', sort: 'amount', order: 'asc' });
    expect(approverTodo).toMatchObject({ total: 2, items: [{ ref: 'LQ-FIN-2' }, { ref: 'LQ-FIN-3' }] });
    expect((await get(approver, '/financings', { queue: 'done' })).total).toBe(3);
    expect(await get(officer, '/financings', { queue: 'todo' })).toMatchObject({ total: 1, items: [{ ref: 'LQ-FIN-1' }] });
    expect(await get(sme, '/financings', { queue: 'todo' })).toMatchObject({ total: 1, items: [{ ref: 'LQ-FIN-5' }] });
    expect((await get(approver, '/financings', { queue: 'todo', stage: 'REPAYING' })).total).toBe(0);
    expect(await get(approver, '/financings', { stage: 'REPAYING', q: 'LQ' })).toMatchObject({ total: 1, items: [{ ref: 'LQ-FIN-4' }] });

    await refusesSort(approver, '/financings');
  });

  it('warehouse receipts: sorted by quantity or number, searched by number, place or commodity name', async () => {
    const admin = await api.client.login('admin@caravan.example', 'caravan-admin-2026');
    await admin.call('PUT', '/commodities/COAL-5500', { name: 'Thermal coal 5500', unit: 't', haircut: '0.15' });
    for (const [receiptNumber, quantity, location] of [
      ['LQW-2', '300.000', 'Hami yard, bay 1'],
      ['LQW-1', '100.000', 'Hami yard, bay 2'],
      ['LQW-3', '200.000', 'Urumqi 100%-bonded shed'],
    ]) {
      await custodian
        .post('/warehouse-receipts')
        .send({ receiptNumber, holderId: api.parties.hami, commodityCode: 'COAL-5500', grade: 'Q5500', quantity, location })
        .expect(201);
    }
    const byQuantity = await sortsBothWays(sme, '/warehouse-receipts', 'quantity', (w) => Number(w.quantity));
    expect(byQuantity.map((w) => w.receiptNumber)).toEqual(['LQW-1', 'LQW-3', 'LQW-2']);
    await sortsBothWays(custodian, '/warehouse-receipts', 'receiptNumber', (w) => String(w.receiptNumber));
    expect((await get(sme, '/warehouse-receipts', { q: 'bay 2' })).items.map((w) => w.receiptNumber)).toEqual(['LQW-1']);
    expect((await get(sme, '/warehouse-receipts', { q: '100%' })).items.map((w) => w.receiptNumber)).toEqual(['LQW-3']);
    expect((await get(sme, '/warehouse-receipts', { q: 'thermal COAL' })).total).toBe(3);
    expect(
      (await get(sme, '/warehouse-receipts', { q: 'yard', status: 'ISSUED', sort: 'receiptNumber' })).items.map((w) => w.receiptNumber),
    ).toEqual(['LQW-1', 'LQW-2']);
    await refusesSort(sme, '/warehouse-receipts');
  });

  it('credit limits: sorted by amount or what is available, searched by the subject’s name', async () => {
    await officer.post('/credit-limits').send({ kind: 'SME', subject: api.parties.hami, amount: '500000.00' }).expect(201);
    await officer
      .post('/credit-limits')
      .send({ kind: 'CORE_ENTERPRISE', subject: api.parties.powerGroup, amount: '1000000.00' })
      .expect(201);
    await officer.post('/credit-limits').send({ kind: 'COMMODITY_CONCENTRATION', subject: 'COAL-5500', amount: '300000.00' }).expect(201);
    const byAmount = await sortsBothWays(officer, '/credit-limits', 'amount', amountOf);
    expect(byAmount.map((l) => l.kind)).toEqual(['COMMODITY_CONCENTRATION', 'SME', 'CORE_ENTERPRISE']);
    await sortsBothWays(approver, '/credit-limits', 'available', (l) => Number(l.available));
    expect((await get(officer, '/credit-limits', { q: 'silk road logistics' })).items.map((l) => l.kind)).toEqual(['SME']);
    expect((await get(officer, '/credit-limits', { q: 'Thermal' })).items.map((l) => l.kind)).toEqual(['COMMODITY_CONCENTRATION']);
    await refusesSort(officer, '/credit-limits');
  });

  it('the back office: exceptions and decisions in to-do and done tabs, expected movements and approval requests, sorted and searched', async () => {
    await backOffice
      .put('/statements/csv-mappings/LQ-PAY')
      .send({
        delimiter: ';',
        hasHeader: true,
        decimalSeparator: '.',
        dateFormat: 'YYYY-MM-DD',
        currency: 'CNY',
        columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4, remittance: 5 },
      })
      .expect(200);
    const window = { valueFrom: isoDaysFromToday(-2), valueTo: isoDaysFromToday(5) };
    const movements = api.app.get(ExpectedMovementsService);
    for (const [endToEndId, amount, counterparty] of [
      ['LQ-P1/payout', '2000.00', 'Hami Yard'],
      ['LQ-P2/payout', '700.00', 'Gobi Coal Trading'],
      ['LQ-P3/payout', '1200.00', 'Turpan Freight'],
    ]) {
      await api.app.get(ScopedDatabase).transaction({ organisationId: api.parties.bank, readsAll: false }, (em) =>
        movements.expect(
          {
            financingRef: endToEndId.split('/')[0],
            kind: 'PAYOUT',
            endToEndId,
            direction: 'DBIT',
            amount,
            currency: 'CNY',
            counterparty,
            ...window,
          },
          em,
        ),
      );
    }
    const rows = [
      `${today};-1995.00;;Hami Yard Ltd;short by five`,
      `${today};-1500.00;;Kumul Traders;refund 100% booked elsewhere`,
      `${today};3.50;;Bank;interest credit`,
      `${today};-80.00;;Gobi Coal Trading;part of LQ_2`,
      `${today};-60.00;;Turpan Freight;LQ fee`,
    ];
    await backOffice
      .post('/statements?format=csv&account=LQ-PAY')
      .set('content-type', 'text/plain')
      .send(['date;amount;e2e;name;text', ...rows].join('\n'))
      .expect(201);
    const lineOf = async (text: string): Promise<string> =>
      (await api.owner.query('SELECT id::text AS id FROM statement_lines WHERE remittance = $1', [text]))[0].id;
    const m1 = (await api.owner.query(`SELECT id FROM expected_movements WHERE end_to_end_id = 'LQ-P1/payout'`))[0].id;

    // handled: one matched by hand, one written off; one too large to write off alone awaits a second person
    await backOffice
      .post('/reconciliation/matches')
      .send({ lineIds: [await lineOf('short by five')], expectedIds: [m1], reason: 'bank charge deducted' })
      .expect(201);
    await backOffice
      .post(`/reconciliation/lines/${await lineOf('interest credit')}/write-off`)
      .send({ reason: 'bank interest' })
      .expect(201);
    const pending = (
      await backOffice
        .post(`/reconciliation/lines/${await lineOf('refund 100% booked elsewhere')}/write-off`)
        .send({ reason: 'Kumul refund' })
        .expect(202)
    ).body;
    const tooFar = (
      await backOffice
        .post('/reconciliation/matches')
        .send({ lineIds: [await lineOf('part of LQ_2')], expectedIds: [m1], reason: 'Gobi part' })
        .expect(202)
    ).body;
    await (await api.as(PEOPLE.treasury)).post(`/approval-requests/${tooFar.id}/reject`).send({ reason: 'ask Gobi first' }).expect(200);

    // exceptions: still to do, and what a person handled
    const todo = await sortsBothWays(backOffice, '/statements/exceptions', 'amount', amountOf, {}, 'lineId');
    expect(todo.map((l) => l.remittance)).toEqual(['LQ fee', 'part of LQ_2', 'refund 100% booked elsewhere']);
    await sortsBothWays(backOffice, '/statements/exceptions', 'counterparty', (l) => String(l.counterparty), {}, 'lineId');
    const done = await get(backOffice, '/statements/exceptions', { queue: 'done', sort: 'amount' });
    expect(done).toMatchObject({
      total: 2,
      items: [
        { remittance: 'interest credit', status: 'WRITTEN_OFF' },
        { remittance: 'short by five', status: 'MATCHED' },
      ],
    });
    expect((await get(backOffice, '/statements/exceptions', { q: 'lq_' })).items.map((l) => l.remittance)).toEqual(['part of LQ_2']);
    expect((await get(backOffice, '/statements/exceptions', { q: '100%' })).items.map((l) => l.remittance)).toEqual([
      'refund 100% booked elsewhere',
    ]);
    expect((await get(backOffice, '/statements/exceptions', { q: 'Turpan', queue: 'done' })).total).toBe(0);
    await refusesSort(backOffice, '/statements/exceptions');

    // decisions: made ones are done, none suggested; sorted by what was written off; searched by a line's payer
    expect((await get(backOffice, '/reconciliation/matches', { queue: 'todo' })).total).toBe(0);
    const decisions = await sortsBothWays(backOffice, '/reconciliation/matches', 'writtenOff', (d) => Number(d.writtenOff), {
      queue: 'done',
    });
    expect(decisions.map((d) => d.method)).toEqual(['MANUAL', 'WRITE_OFF']);
    expect((await get(backOffice, '/reconciliation/matches', { q: 'hami yard' })).items.map((d) => d.method)).toEqual(['MANUAL']);
    expect((await get(backOffice, '/reconciliation/matches', { q: 'LQ-P1' })).items.map((d) => d.method)).toEqual(['MANUAL']);
    await refusesSort(backOffice, '/reconciliation/matches');

    // expected movements: open ones to do, the matched one done
    const open = await sortsBothWays(backOffice, '/reconciliation/expected-movements', 'amount', amountOf, { queue: 'todo', q: 'LQ-P' });
    expect(open.map((m) => m.endToEndId)).toEqual(['LQ-P2/payout', 'LQ-P3/payout']);
    expect(await get(backOffice, '/reconciliation/expected-movements', { queue: 'done', q: 'LQ-P' })).toMatchObject({
      total: 1,
      items: [{ endToEndId: 'LQ-P1/payout', status: 'MATCHED' }],
    });
    expect((await get(backOffice, '/reconciliation/expected-movements', { q: 'gobi' })).items.map((m) => m.endToEndId)).toEqual([
      'LQ-P2/payout',
    ]);
    await refusesSort(backOffice, '/reconciliation/expected-movements');

    // approval requests: the pending write-off to do, the rejected match done
    expect(await get(approver, '/approval-requests', { queue: 'todo' })).toMatchObject({ total: 1, items: [{ id: pending.id }] });
    expect(await get(approver, '/approval-requests', { queue: 'done' })).toMatchObject({
      total: 1,
      items: [{ id: tooFar.id, status: 'REJECTED' }],
    });
    await sortsBothWays(approver, '/approval-requests', 'kind', (r) => String(r.kind));
    expect((await get(approver, '/approval-requests', { q: 'kumul' })).items.map((r) => r.id)).toEqual([pending.id]);
    await refusesSort(approver, '/approval-requests');
  });

  it('ledger entries: a financing’s journal sorted by kind and searched', async () => {
    const ledger = api.app.get(LedgerService);
    const bank = systemActor('system:list-test', api.parties.bank);
    for (const [key, kind] of [
      ['lq-1', 'disbursement'],
      ['lq-2', 'accrual'],
      ['lq-3', 'repayment'],
    ]) {
      await ledger.post(bank, {
        idempotencyKey: key,
        financingRef: 'LQ-FIN-4',
        kind,
        description: `${kind} of LQ-FIN-4`,
        valueDate: today,
        lines: disbursementLines('10.00', '0.00'),
      });
    }
    const byKind = await sortsBothWays(officer, '/ledger/entries', 'kind', (e) => String(e.kind), { financingRef: 'LQ-FIN-4' });
    expect(byKind.map((e) => e.kind)).toEqual(['accrual', 'disbursement', 'repayment']);
    expect((await get(officer, '/ledger/entries', { financingRef: 'LQ-FIN-4', q: 'ACCRUAL' })).items.map((e) => e.kind)).toEqual([
      'accrual',
    ]);
    await refusesSort(officer, '/ledger/entries', { financingRef: 'LQ-FIN-4' });
  });

  it('the audit trail: sorted by action, searched by action, object or who acted, with the filters it had', async () => {
    const auditor = await api.as('auditor@caravan.example');
    const query = { q: 'receivable.submit' };
    const submits = await sortsBothWays(auditor, '/audit-events', 'occurredAt', (e) => new Date(String(e.occurredAt)).getTime(), query);
    expect(submits.map((e) => e.entityId)).toEqual(receivables.slice(0, 3).map((r) => r.id));
    await sortsBothWays(auditor, '/audit-events', 'action', (e) => String(e.action), { entityType: 'receivable' });
    expect((await get(auditor, '/audit-events', { q: receivables[4].id })).items.map((e) => e.action)).toEqual(['receivable.register']);
    expect((await get(auditor, '/audit-events', { q: 'RECEIVABLE.REG', actor: PEOPLE.applicant, limit: 100 })).total).toBe(6);
    expect((await get(auditor, '/audit-events', { q: 'receivable_register' })).total).toBe(0);
    await refusesSort(auditor, '/audit-events');
  });

  it('another bank’s people and another SME find none of these rows, whatever they search', async () => {
    const searches = ['LQ', 'lq_', 'Hami', 'Energy Power', 'Thermal', 'Gobi', 'kumul', '%', 'LQ-FIN'];
    const lists: Array<[TokenAgent, string, Record<string, string>]> = [
      [rival.as.otherSme, '/receivables', {}],
      [rival.as.otherSme, '/financings', {}],
      [rival.as.otherSme, '/warehouse-receipts', {}],
      [rival.as.credit, '/financings', {}],
      [rival.as.approver, '/financings', { queue: 'todo' }],
      [rival.as.credit, '/credit-limits', {}],
      [rival.as.backOffice, '/statements/exceptions', {}],
      [rival.as.backOffice, '/statements/exceptions', { queue: 'done' }],
      [rival.as.backOffice, '/reconciliation/matches', {}],
      [rival.as.backOffice, '/reconciliation/expected-movements', {}],
      [rival.as.approver, '/approval-requests', {}],
      [rival.as.credit, '/ledger/entries', { financingRef: 'LQ-FIN-4' }],
    ];
    for (const [agent, path, query] of lists) {
      for (const q of searches) {
        const page = await get(agent, path, { ...query, q, limit: 100 });
        expect({ path, q, total: page.total }).toEqual({ path, q, total: 0 });
      }
    }
  });
});
