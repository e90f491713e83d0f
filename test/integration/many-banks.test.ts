import { DEFAULT_POLICY } from '@caravan/financing';
import { PEOPLE } from '../support/api';
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
import type { TestApi } from '../support/api';
import { reconcile } from '../support/reconciliation';
import { fingerprint, onboardRival, Rival, RivalPerson, signInRival } from '../support/two-banks';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * Two banks on one platform. The first bank has a financing disbursed and repaying, its books,
 * statements, matches and runs; Rival Bank (every bank role) and another SME try, as issue 11
 * found they could, to reach into it. Each attack is refused and the first bank's state is, row
 * for row, what it was.
 */
describe('many banks: every object owned, every action scoped', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  let rival: Rival;
  let victim: { id: string; ref: string; paymentReference: string; receivable: string };
  const today = new Date().toISOString().slice(0, 10);
  const csv = {
    delimiter: ';',
    hasHeader: true,
    decimalSeparator: '.',
    dateFormat: 'YYYY-MM-DD',
    currency: 'CNY',
    columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4, remittance: 5 },
  };
  const untouched = async () => fingerprint(api, api.parties.bank, api.parties.hami);

  beforeAll(async () => {
    const stack = await startFinancingStack('many_banks');
    ({ api, desk: d } = stack);
    worker = await startWorkerProcess(stack.config, api.temporal);
    rival = await onboardRival(api);
    // the first bank: a financing repaying, its collection account mapped, a statement and a run
    const receivable = await confirmedReceivable(api, d, '1000000.00', 300);
    const applied = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: api.parties.bank,
      amount: '800000.00',
    });
    await approveAndAccept(d, applied.id);
    await reaches(d, applied.id, 'REPAYING');
    victim = { id: applied.id, ref: applied.ref, paymentReference: applied.paymentReference, receivable };
    await d.backOffice.put('/statements/csv-mappings/COLLECTION-1').send(csv).expect(200);
    await d.backOffice
      .put('/reconciliation/accounts/COLLECTION-1')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY' })
      .expect(200);
    await d.backOffice
      .post('/statements?format=csv&account=COLLECTION-1')
      .set('content-type', 'text/plain')
      .send(['d;a;e;n;t', `${today};12.34;NOTHING;Somebody;a stray credit`, `${today};1.11;NOTHING;Somebody;rounding`].join('\n'))
      .expect(201);
    await reconcile(d.backOffice);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  /**
   * Every operation of the OpenAPI document, by every role of Rival Bank and by the other SME,
   * aimed at the first bank's objects (ids in the path, its references in the query, bodies
   * that name them): no answer carries any of them, no answer is a 5xx, and afterwards the
   * first bank's and its customers' rows are what they were.
   */
  it('sweeps every endpoint as the other bank and the other SME: nothing of the first bank comes back or changes', async () => {
    const document = (await api.http().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required?: boolean }> }>>;
    };
    // a request awaiting approval and a decision of the first bank, to be found out if they can be
    await d.backOffice.post(`/financings/${victim.id}/payments`).send({ reference: 'SWEEP-PENDING', amount: '1.00' }).expect(202);
    const [{ id: small }] = await api.owner.query(`SELECT id::text AS id FROM statement_lines WHERE bank_id = $1 AND amount = 1.11`, [
      api.parties.bank,
    ]);
    await d.backOffice.post(`/reconciliation/lines/${small}/write-off`).send({ reason: 'rounding' }).expect(201);
    const one = async (sql: string) => ((await api.owner.query(sql, [api.parties.bank]))[0] ?? {}) as Record<string, string>;
    const ids = {
      entry: (await one('SELECT id FROM journal_entries WHERE bank_id = $1 LIMIT 1')).id,
      statement: (await one('SELECT id FROM bank_statements WHERE bank_id = $1 LIMIT 1')).id,
      line: (await one('SELECT id::text AS id FROM statement_lines WHERE bank_id = $1 LIMIT 1')).id,
      decision: (await one('SELECT id FROM match_decisions WHERE bank_id = $1 LIMIT 1')).id,
      run: (await one('SELECT id FROM reconciliation_runs WHERE bank_id = $1 LIMIT 1')).id,
      request: (await one(`SELECT id FROM dual_control_requests WHERE organisation_id = $1 AND status = 'PENDING' LIMIT 1`)).id,
      pledge: (await one('SELECT id FROM pledges WHERE pledgee_id = $1 LIMIT 1')).id,
      quote: (await one('SELECT id FROM financing_quotes WHERE bank_id = $1 LIMIT 1')).id,
    };
    const [receivable] = await api.owner.query('SELECT invoice_number FROM receivables WHERE id = $1', [victim.receivable]);
    // what must never come back to them (organisations are a public directory, and not among these)
    const secrets = [
      victim.id,
      victim.ref,
      victim.paymentReference,
      victim.receivable,
      receivable.invoice_number,
      ids.entry,
      ids.statement,
      ids.decision,
      ids.run,
      ids.request,
      ids.pledge,
      ids.quote,
    ];
    const pathValue = (path: string, name: string): string => {
      if (name === 'instructionId') return encodeURIComponent(`${victim.ref}/disbursement`);
      if (name === 'account') return 'COLLECTION-1';
      if (name === 'code') return 'COAL-5500';
      if (name === 'reference') return victim.ref;
      if (name === 'documentId') return victim.receivable;
      const byPrefix: Array<[string, string]> = [
        ['/financings/quotes', ids.quote],
        ['/financings', victim.id],
        ['/receivables', victim.receivable],
        ['/pledges', ids.pledge],
        ['/ledger/entries', ids.entry],
        ['/reconciliation/matches', ids.decision],
        ['/reconciliation/runs', ids.run],
        ['/reconciliation/lines', ids.line],
        ['/approval-requests', ids.request],
        ['/organisations', api.parties.hami],
      ];
      return byPrefix.find(([prefix]) => path.startsWith(prefix))?.[1] ?? victim.id;
    };
    const query: Record<string, string> = {
      financingRef: victim.ref,
      assetType: 'RECEIVABLE',
      assetId: victim.receivable,
      from: '2026-01-01',
      to: '2027-12-31',
      format: 'csv',
      account: 'COLLECTION-1',
      date: today,
      entityType: 'financing',
      entityId: victim.id,
      subject: `${victim.id}/BNK-HAND-1`,
    };
    // bodies that would do harm if the object were theirs to touch
    const body = {
      reference: 'SWEEP-1',
      amount: '1000000.00',
      reason: 'sweep',
      comment: 'sweep',
      lineIds: [ids.line],
      expectedIds: [victim.id],
      receiptId: victim.receivable,
      quantity: '1',
      assetId: victim.receivable,
      bankId: api.parties.bank,
      product: 'RECEIVABLE_FINANCING',
    };
    const before = await untouched();
    const leaks: string[] = [];
    for (const person of ['credit', 'approver', 'treasury', 'backOffice', 'otherSme'] as const) {
      for (const [template, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const path = template.replace(/\{(\w+)\}/g, (_, name) => pathValue(template, name));
          const wanted = (operation.parameters ?? []).filter((p) => p.in === 'query' && query[p.name] !== undefined);
          const url = `${path}${wanted.length ? `?${wanted.map((p) => `${p.name}=${encodeURIComponent(query[p.name])}`).join('&')}` : ''}`;
          const agent = rival.as[person] as unknown as Record<string, (url: string) => ReturnType<ReturnType<TestApi['http']>['post']>>;
          const answer = method === 'get' ? await agent.get(url) : await agent[method](url).send(body);
          expect({ call: `${method} ${url} as ${person}`, status: answer.status < 500 }).toEqual({
            call: `${method} ${url} as ${person}`,
            status: true,
          });
          // a refusal may echo what the caller sent (its path, the id asked for); an answer must carry nothing of theirs
          if (answer.status >= 300) continue;
          for (const secret of secrets)
            if (secret && (answer.text ?? '').includes(secret)) leaks.push(`${method.toUpperCase()} ${template} as ${person}: ${secret}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    expect(await untouched()).toEqual(before);
    rival.as = await signInRival(api); // the sweep signed them out everywhere
  });

  it('a statement of another bank quoting the loan number or even the payment reference repays nothing', async () => {
    const before = await untouched();
    const backOffice = rival.as.backOffice;
    await backOffice.put('/statements/csv-mappings/RIVAL-1').send(csv).expect(200);
    const forged = [
      'd;a;e;n;t',
      `${today};1000000.00;${victim.ref};Xinjiang Energy Power Group;forged by loan number`,
      `${today};1000000.00;${victim.paymentReference};Xinjiang Energy Power Group;forged by reference`,
    ];
    await backOffice.post('/statements?format=csv&account=RIVAL-1').set('content-type', 'text/plain').send(forged.join('\n')).expect(201);
    // a batched entry whose two transactions quote the first bank's references: two lines of the rival's, matching nothing
    const tx = (reference: string) => `<TxDtls><Refs><EndToEndId>${reference}</EndToEndId></Refs><Amt Ccy="CNY">500000.00</Amt></TxDtls>`;
    const batch = `<?xml version="1.0"?><Document><BkToCstmrDbtCdtNtfctn><Ntfctn><Id>FORGED</Id><Acct><Id><Othr><Id>RIVAL-1</Id></Othr></Id></Acct>
<Ntry><Amt Ccy="CNY">1000000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>${today}</Dt></BookgDt>
<NtryDtls>${tx(victim.paymentReference)}${tx(victim.ref)}</NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    await backOffice.post('/statements?format=camt.054').set('content-type', 'application/xml').send(batch).expect(201);
    expect(await reconcile(backOffice)).toMatchObject({ status: 'DONE', total: 4, matched: 0 });
    expect((await d.sme.get(`/financings/${victim.id}`).expect(200)).body.stage).toBe('REPAYING');
    expect((await timeline(d, victim.id)).map((e) => e.step)).not.toContain('payment.allocated');
    expect(await untouched()).toEqual(before);
  });

  it('shows another bank none of the first bank’s statements, exceptions, matches, runs, report or accounts', async () => {
    for (const person of ['backOffice', 'treasury'] as const) {
      const rivalSees = rival.as[person];
      for (const path of ['/statements', '/statements/exceptions', '/reconciliation/matches', '/reconciliation/runs']) {
        const items = (await rivalSees.get(path).expect(200)).body.items as Array<Record<string, unknown>>;
        // the first bank's account, its stray credit and its run's author appear nowhere
        for (const mark of ['COLLECTION-1', 'a stray credit', PEOPLE.backOffice]) expect(JSON.stringify(items)).not.toContain(mark);
      }
      const report = (await rivalSees.get(`/reconciliation/report?from=${today}&to=${today}`).expect(200)).body as Array<{
        account: string;
      }>;
      expect(report.map((r) => r.account)).not.toContain('COLLECTION-1');
      expect(
        ((await rivalSees.get('/reconciliation/accounts').expect(200)).body as Array<{ account: string }>).map((a) => a.account),
      ).not.toContain('COLLECTION-1');
    }
    const firstRun = (await d.backOffice.get('/reconciliation/runs').expect(200)).body.items[0].id;
    const theirs = await rival.as.backOffice.get(`/reconciliation/runs/${firstRun}`).expect(404);
    const nobody = await rival.as.backOffice.get('/reconciliation/runs/no-such-run').expect(404);
    expect(theirs.body.code).toBe(nobody.body.code);
  });

  it('finds nothing of the first bank in any list, whatever another bank or SME searches, filters or sorts by', async () => {
    const invoice = (await d.sme.get(`/receivables/${victim.receivable}`).expect(200)).body.invoiceNumber as string;
    // the first bank's own people find the loan by each of these
    for (const q of [victim.ref, victim.paymentReference, invoice])
      expect((await d.approverA.get('/financings').query({ q }).expect(200)).body.total).toBe(1);
    const searches = [victim.ref, victim.paymentReference, invoice, 'COLLECTION-1', 'stray', 'Hami', '%', '_', ''];
    const lists: Array<[RivalPerson, string, Record<string, string>]> = [
      ['otherSme', '/receivables', {}],
      ['otherSme', '/financings', { queue: 'done' }],
      ['credit', '/financings', { sort: 'amount', order: 'desc' }],
      ['approver', '/financings', { queue: 'todo' }],
      ['approver', '/credit-limits', { sort: 'available' }],
      ['backOffice', '/statements/exceptions', {}],
      ['backOffice', '/statements/exceptions', { queue: 'done' }],
      ['backOffice', '/reconciliation/matches', { queue: 'done', sort: 'writtenOff' }],
      ['treasury', '/reconciliation/expected-movements', { queue: 'todo', sort: 'amount' }],
      ['approver', '/approval-requests', { queue: 'done' }],
      ['credit', '/ledger/entries', { financingRef: victim.ref, sort: 'kind' }],
    ];
    // what they find of their own (a limit the sweep set on the first bank's SME) may come back; nothing of the first bank's
    const marks = [
      api.parties.bank,
      victim.id,
      victim.ref,
      victim.paymentReference,
      victim.receivable,
      invoice,
      'COLLECTION-1',
      'a stray credit',
    ];
    // Rival Bank's own forged statements quote the first bank's references: its own lines are not a leak
    const ownLines = new Set(
      (await api.owner.query('SELECT id FROM statement_lines WHERE bank_id = $1', [rival.bankId])).map((r: { id: string }) => r.id),
    );
    for (const [person, path, query] of lists) {
      for (const q of searches) {
        const { body } = await rival.as[person]
          .get(path)
          .query({ ...query, q, limit: 100 })
          .expect(200);
        const found = JSON.stringify(body.items.filter((item: { lineId?: string }) => !ownLines.has(item.lineId ?? '')));
        expect({ path, q, leaked: marks.filter((mark) => found.includes(mark)) }).toEqual({ path, q, leaked: [] });
        expect(body.items).toHaveLength(Math.min(body.total, 100));
      }
    }
  });

  it('another bank’s CSV layout and account mapping of the same account name are its own', async () => {
    const before = await untouched();
    // reading: the first bank's layout is its own people's; to Rival Bank the account has none
    expect((await d.backOffice.get('/statements/csv-mappings/COLLECTION-1').expect(200)).body).toEqual(csv);
    for (const person of ['backOffice', 'treasury'] as const) {
      const refused = await rival.as[person].get('/statements/csv-mappings/COLLECTION-1').expect(404);
      const nobodys = await rival.as[person].get('/statements/csv-mappings/NO-SUCH-ACCOUNT').expect(404);
      expect(refused.body.code).toBe(nobodys.body.code);
    }
    await rival.as.backOffice
      .put('/statements/csv-mappings/COLLECTION-1')
      .send({ ...csv, delimiter: ',', columns: { bookingDate: 2, amount: 1 } })
      .expect(200);
    await rival.as.backOffice
      .put('/reconciliation/accounts/COLLECTION-1')
      .send({ ledgerAccount: 'FEE_INCOME', currency: 'USD', statementEncoding: 'ISO-8859-1' })
      .expect(200);
    expect(await untouched()).toEqual(before);
    // the first bank's next statement is read with its own layout still
    await d.backOffice
      .post('/statements?format=csv&account=COLLECTION-1')
      .set('content-type', 'text/plain')
      .send(['d;a;e;n;t', `${today};1.00;X;Y;still read right`].join('\n'))
      .expect(201);
    expect(
      ((await d.backOffice.get('/reconciliation/accounts').expect(200)).body as Array<{ account: string; ledgerAccount: string }>)[0],
    ).toMatchObject({ account: 'COLLECTION-1', ledgerAccount: 'COLLECTION_ACCOUNT' });
    // and each reads back its own layout of the same account name
    expect((await d.backOffice.get('/statements/csv-mappings/COLLECTION-1').expect(200)).body).toEqual(csv);
    expect((await rival.as.treasury.get('/statements/csv-mappings/COLLECTION-1').expect(200)).body).toMatchObject({ delimiter: ',' });
  });

  it('keeps each bank’s books its own: no reading, no reversing', async () => {
    const [entry] = (await d.backOffice.get(`/ledger/entries?financingRef=${victim.ref}`).expect(200)).body.items;
    expect(entry).toMatchObject({ kind: 'disbursement', postedBy: 'system:financing-workflow' });
    const before = await untouched();
    for (const person of ['credit', 'approver', 'treasury', 'backOffice'] as const) {
      expect((await rival.as[person].get('/ledger/balances').expect(200)).body).toEqual([]);
      expect((await rival.as[person].get(`/ledger/balances?financingRef=${victim.ref}`).expect(200)).body).toEqual([]);
      expect((await rival.as[person].get(`/ledger/entries?financingRef=${victim.ref}`).expect(200)).body).toMatchObject({
        items: [],
        total: 0,
      });
    }
    const theirs = await rival.as.backOffice.post(`/ledger/entries/${entry.id}/reversal`).send({ reason: 'mine now' }).expect(404);
    const nobody = await rival.as.backOffice
      .post('/ledger/entries/0b5c1f8e-0000-4000-8000-000000000000/reversal')
      .send({ reason: 'x' })
      .expect(404);
    const masked = (body: { code: string; title: string; status: number }) => ({
      ...body,
      title: body.title.replace(/[0-9a-f-]{36}/, '<id>'),
      instance: undefined,
    });
    expect(masked(theirs.body)).toEqual(masked(nobody.body));
    expect(await untouched()).toEqual(before);
    // the platform's auditor reads every bank's books
    const auditor = await api.as('auditor@caravan.example');
    expect((await auditor.get(`/ledger/entries?financingRef=${victim.ref}`).expect(200)).body.total).toBeGreaterThan(0);
  });

  it('takes a policy change out of one person’s hands: unsound tiers refused, in force only once another person approves', async () => {
    const maker = d.maker;
    const zero = await maker
      .post('/financing-policy/proposals')
      .send({ ...POLICY, tiers: [{ upTo: null, approvals: 0 }] })
      .expect(400);
    expect(zero.body).toMatchObject({ code: 'FINANCING.UNSOUND_TIERS', errors: [{ field: 'tiers' }] });
    expect(
      (
        await maker
          .post('/financing-policy/proposals')
          .send({ ...POLICY, tiers: [] })
          .expect(400)
      ).body.code,
    ).toBe('FINANCING.UNSOUND_TIERS');
    const inForce = (await maker.get('/financing-policy').expect(200)).body;
    const proposal = (
      await maker
        .post('/financing-policy/proposals')
        .send({ ...POLICY, maxAdvanceRate: '0.5' })
        .expect(202)
    ).body;
    expect((await maker.get('/financing-policy').expect(200)).body).toEqual(inForce); // nothing changed yet
    expect((await maker.post(`/approval-requests/${proposal.id}/approve`).send({}).expect(403)).body.code).toBe('DUAL_CONTROL.OWN_REQUEST');
    expect((await d.backOffice.post(`/approval-requests/${proposal.id}/approve`).send({}).expect(403)).body.code).toBe(
      'DUAL_CONTROL.NOT_A_CHECKER',
    );
    // another bank cannot see, approve or reject it
    await rival.as.approver.post(`/approval-requests/${proposal.id}/approve`).send({}).expect(404);
    await rival.as.approver.get(`/approval-requests/${proposal.id}`).expect(404);
    expect((await rival.as.approver.get('/approval-requests').expect(200)).body.items).toEqual([]);
    // the database holds four eyes too: the decider is never the requester
    await expect(
      api.owner.query(`UPDATE dual_control_requests SET status = 'APPROVED', decided_by = requested_by, decided_at = now() WHERE id = $1`, [
        proposal.id,
      ]),
    ).rejects.toThrow(/dual_control_four_eyes/);
    // and a stored policy's tiers are sound whatever wrote it
    await expect(
      api.owner.query(
        `INSERT INTO financing_policy_versions (bank_id, version, tiers, deadlines, max_advance_rate, max_ltv, maintenance_ltv, allocation_order, pricing, effective_from, proposed_by, approved_by)
         SELECT bank_id, 99, '[{"upTo": null, "approvals": 0}]', deadlines, max_advance_rate, max_ltv, maintenance_ltv, allocation_order, pricing, now(), 'a', 'b' FROM financing_policy_versions LIMIT 1`,
      ),
    ).rejects.toThrow(/financing_policy_tiers_sound/);

    const adopted = (
      await d.approverA.post(`/approval-requests/${proposal.id}/approve`).send({ comment: 'agreed in committee' }).expect(200)
    ).body;
    expect(adopted).toMatchObject({ status: 'APPROVED', result: { version: inForce.version + 1, maxAdvanceRate: '0.5000' } });
    const now = (await maker.get('/financing-policy').expect(200)).body;
    expect(now).toMatchObject({
      version: inForce.version + 1,
      proposedBy: expect.stringContaining(PEOPLE.creditOfficer),
      approvedBy: expect.stringContaining(PEOPLE.approverA),
    });
    // a financing keeps the version it started under
    expect((await d.sme.get(`/financings/${victim.id}`).expect(200)).body.policyVersion).toBe(inForce.version);
    await adoptPolicy(d, POLICY);
    // Rival's policy is its own: still the platform default
    expect((await rival.as.credit.get('/financing-policy').expect(200)).body).toMatchObject({ version: 0, tiers: DEFAULT_POLICY.tiers });
  });

  it('pledges nothing on a bank’s request, and reveals no financing in the public search', async () => {
    const before = await untouched();
    const asset = await confirmedReceivable(api, d, '500000.00', 200);
    await rival.as.credit.post('/pledges').send({ assetType: 'RECEIVABLE', assetId: asset, financingRef: 'RF-2026-999999' }).expect(404);
    await rival.as.backOffice
      .post('/pledges')
      .send({ assetType: 'RECEIVABLE', assetId: asset, financingRef: 'RF-2026-999999' })
      .expect(404);
    expect((await d.sme.get(`/receivables/${asset}`).expect(200)).body.status).toBe('CONFIRMED');
    await rival.as.credit.get(`/receivables/${asset}`).expect(404);
    const found = (await rival.as.credit.get(`/pledges/search?assetType=RECEIVABLE&assetId=${victim.receivable}`).expect(200)).body;
    expect(found).toMatchObject({ encumbered: true, pledge: { pledgeeId: api.parties.bank } });
    expect(JSON.stringify(found)).not.toContain(victim.ref);
    expect((await untouched()).pledges).toEqual(before.pledges);
  });

  it('keeps each bank’s payments its own, and offers nobody a way to register one', async () => {
    const before = await untouched();
    const instruction = encodeURIComponent(`${victim.ref}/disbursement`);
    expect((await d.backOffice.get(`/simulated-bank/payments/${instruction}`).expect(200)).body.status).toBe('SETTLED');
    const theirs = await rival.as.backOffice.get(`/simulated-bank/payments/${instruction}`).expect(404);
    const nobody = await rival.as.backOffice.get('/simulated-bank/payments/nothing').expect(404);
    expect(theirs.body.code).toBe(nobody.body.code);
    await rival.as.backOffice
      .post('/simulated-bank/payments')
      .send({
        instructionId: `${victim.ref}/surplus`,
        amount: '0.01',
        currency: 'CNY',
        beneficiaryId: rival.smeId,
        purpose: 'pre-registered',
      })
      .expect(404);
    expect(await untouched()).toEqual(before);
  });

  it('takes two people of the financing’s own bank to record a repayment by hand', async () => {
    const before = await untouched();
    await rival.as.backOffice.post(`/financings/${victim.id}/payments`).send({ reference: 'FORGED-1', amount: '1000000.00' }).expect(404);
    const asked = (
      await d.backOffice.post(`/financings/${victim.id}/payments`).send({ reference: 'BNK-HAND-1', amount: '1000.00' }).expect(202)
    ).body;
    expect(asked).toMatchObject({ kind: 'financing.payment', status: 'PENDING', payload: { reference: 'BNK-HAND-1', amount: '1000.00' } });
    expect((await timeline(d, victim.id)).map((e) => e.step)).not.toContain('payment.allocated');
    await d.backOffice.post(`/approval-requests/${asked.id}/approve`).send({}).expect(403); // not one's own
    await rival.as.treasury.post(`/approval-requests/${asked.id}/approve`).send({}).expect(404); // not another bank's
    await rival.as.backOffice2.post(`/approval-requests/${asked.id}/reject`).send({ reason: 'x' }).expect(404);
    await d.treasury.post(`/approval-requests/${asked.id}/reject`).send({ reason: 'no bank advice for it' }).expect(200);
    expect((await timeline(d, victim.id)).map((e) => e.step)).not.toContain('payment.allocated');
    expect({ ...(await untouched()), dual_control_requests: '' }).toEqual({ ...before, dual_control_requests: '' });
  });

  it('shows what the first bank awaits, its accounts and its payment instructions to its own staff and the financing’s parties only', async () => {
    await d.backOffice
      .put('/reconciliation/accounts/COLLECTION-1')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY', name: 'Silk Road Bank loan collection' })
      .expect(200);
    // the credit officer, who tells the payer where to pay, reads them too
    const awaited = (await d.maker.get(`/reconciliation/expected-movements?financingRef=${victim.ref}&kind=REPAYMENT`).expect(200)).body;
    expect(awaited).toMatchObject({
      total: 1,
      items: [{ financingRef: victim.ref, reference: victim.paymentReference, account: 'COLLECTION-1' }],
    });
    // by account and by value-date window: the movement's window reaches into the period or it is not listed
    const [movement] = awaited.items;
    const find = async (query: string) =>
      ((await d.maker.get(`/reconciliation/expected-movements?financingRef=${victim.ref}&${query}`).expect(200)).body.items as unknown[])
        .length;
    expect(await find('account=COLLECTION-1')).toBeGreaterThan(0);
    expect(await find('account=NO-SUCH-ACCOUNT')).toBe(0);
    expect(await find(`from=${movement.valueFrom}&to=${movement.valueFrom}`)).toBe(1);
    expect(await find(`from=${movement.valueTo}`)).toBe(1);
    expect(await find('to=2000-01-01')).toBe(0);
    await d.maker.get('/reconciliation/expected-movements?from=2027-02-01&to=2027-01-01').expect(400);
    expect((await d.maker.get('/reconciliation/accounts').expect(200)).body).toContainEqual(
      expect.objectContaining({ account: 'COLLECTION-1', name: 'Silk Road Bank loan collection' }),
    );
    const instructions = (await d.sme.get(`/financings/${victim.id}`).expect(200)).body.paymentInstructions;
    expect(instructions).toMatchObject({
      accountNumber: 'COLLECTION-1',
      accountName: 'Silk Road Bank loan collection',
      reference: victim.paymentReference,
      awaited: [{ reference: victim.paymentReference }],
    });
    expect((await d.debtor.get(`/financings/${victim.id}`).expect(200)).body.paymentInstructions).toEqual(instructions); // the buyer pays
    // who must act, and by when: the buyer's treasurer pays the invoice by the instalment's due date
    const detail = (await d.sme.get(`/financings/${victim.id}`).expect(200)).body;
    expect(detail.awaiting).toEqual({
      step: 'repayment',
      organisationId: api.parties.powerGroup,
      organisation: expect.any(String),
      roles: ['TREASURER'],
      deadline: detail.instalments[0].dueDate,
    });
    const asked = (await timeline(d, victim.id)).find((e) => e.step === 'counterparty.awaited') as unknown as {
      detail: { awaits: object };
    };
    expect(asked.detail.awaits).toMatchObject({ organisationId: api.parties.powerGroup, roles: ['PAYABLES_CLERK', 'TREASURER'] });
    for (const person of ['credit', 'approver', 'treasury', 'backOffice'] as const) {
      const theirs = rival.as[person];
      expect((await theirs.get(`/reconciliation/expected-movements?financingRef=${victim.ref}`).expect(200)).body).toMatchObject({
        items: [],
        total: 0,
      });
      expect(JSON.stringify((await theirs.get('/reconciliation/expected-movements?limit=100').expect(200)).body)).not.toContain(victim.ref);
      expect(JSON.stringify((await theirs.get('/reconciliation/accounts').expect(200)).body)).not.toContain(
        'Silk Road Bank loan collection',
      );
      await theirs.get(`/financings/${victim.id}`).expect(404);
    }
    // the other SME, and the first SME's people, see no bank's expected movements at all
    await rival.as.otherSme.get('/reconciliation/expected-movements').expect(403);
    await d.sme.get('/reconciliation/expected-movements').expect(403);
    await d.sme.get('/reconciliation/accounts').expect(403);
    const otherSmes = await rival.as.otherSme.get(`/financings/${victim.id}`).expect(404);
    const nobodys = await rival.as.otherSme.get('/financings/00000000-0000-4000-8000-000000000000').expect(404);
    expect(otherSmes.body.code).toBe(nobodys.body.code);
  });

  it('keeps a quote its SME’s: another SME neither reads nor applies with it, another bank reads none, and it books only at its bank', async () => {
    const receivable = await confirmedReceivable(api, d, '1000000.00', 300);
    const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '500000.00' };
    const { quoteId } = (await d.sme.post('/financings/trial').send(application).expect(200)).body;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const missing = (await rival.as.otherSme.get(`/financings/quotes/${unknown}`).expect(404)).body.code;
    expect((await rival.as.otherSme.get(`/financings/quotes/${quoteId}`).expect(404)).body.code).toBe(missing);
    const used = await rival.as.otherSme
      .post('/financings')
      .send({ ...application, quoteId })
      .expect(404);
    expect(used.body.code).toBe('FINANCING.QUOTE_NOT_FOUND');
    for (const person of ['credit', 'approver', 'treasury', 'backOffice'] as const) {
      await rival.as[person].get(`/financings/quotes/${quoteId}`).expect(403);
    }
    const [row] = await api.owner.query('SELECT sme_id, bank_id, financing_id FROM financing_quotes WHERE id = $1', [quoteId]);
    expect(row).toEqual({ sme_id: api.parties.hami, bank_id: api.parties.bank, financing_id: null });
    // the first bank's quote, sent to Rival Bank: refused, and still unused
    const elsewhere = await d.sme
      .post('/financings')
      .send({ ...application, bankId: rival.bankId, quoteId })
      .expect(422);
    expect(elsewhere.body).toMatchObject({ code: 'FINANCING.QUOTE_MISMATCH', errors: [{ field: 'bankId' }] });
    expect((await api.owner.query('SELECT financing_id FROM financing_quotes WHERE id = $1', [quoteId]))[0].financing_id).toBeNull();
  });

  it('names the people of a timeline by name and the role they acted in, the platform by its code, never by e-mail', async () => {
    const steps = (await d.approverA.get(`/financings/${victim.id}/timeline`).expect(200)).body as Array<{
      step: string;
      actor: { kind: string; name: string | null; role: string | null; organisation: string | null };
    }>;
    const by = (step: string) => steps.find((e) => e.step === step)?.actor;
    const bank = (await d.sme.get(`/organisations/${api.parties.bank}`).expect(200)).body.name;
    expect(by('counterparty.confirmed')).toMatchObject({ kind: 'PERSON', name: '张敏 Zhang Min', role: 'PAYABLES_CLERK' });
    expect(by('recommended')).toEqual({ kind: 'PERSON', name: '陈静 Chen Jing', role: 'CREDIT_OFFICER', organisation: bank });
    expect(by('approved')).toMatchObject({ kind: 'PERSON', name: '周涛 Zhou Tao', role: 'APPROVER', organisation: bank });
    expect(by('offer.accepted')).toMatchObject({ kind: 'PERSON', name: '王芳 Wang Fang', role: 'APPLICANT' });
    expect(by('disbursed')).toEqual({ kind: 'SYSTEM', name: null, role: null, organisation: null });
    const text = JSON.stringify(steps);
    expect(text).not.toContain('@');
    expect(text).not.toContain('system:');
    // the same for the SME and the buyer; Rival Bank reads none of it
    expect(JSON.stringify((await d.sme.get(`/financings/${victim.id}/timeline`).expect(200)).body)).not.toContain('@');
    await rival.as.approver.get(`/financings/${victim.id}/timeline`).expect(404);
  });

  it('lets the operator’s admin read a bank’s money and act on none of it', async () => {
    const admin = d.admin;
    const pending = (
      await d.backOffice.post(`/financings/${victim.id}/payments`).send({ reference: 'OPERATOR-1', amount: '1.00' }).expect(202)
    ).body.id;
    expect((await admin.get('/statements').expect(200)).body.total).toBeGreaterThanOrEqual(1);
    expect((await admin.get(`/approval-requests/${pending}`).expect(200)).body.status).toBe('PENDING');
    // deciding is its own organisation's: a bank's request is not there to decide
    await admin.post(`/approval-requests/${pending}/approve`).send({}).expect(404);
    await admin.post(`/approval-requests/${pending}/reject`).send({ reason: 'x' }).expect(404);
    await admin.post('/reconciliation/runs').expect(403);
    await admin.post(`/financings/${victim.id}/payments`).send({ reference: 'OPERATOR', amount: '1.00' }).expect(403);
    await admin.put('/statements/csv-mappings/COLLECTION-1').send(csv).expect(403);
    await admin.get('/statements/csv-mappings/COLLECTION-1').expect(403);
    const [{ status }] = await api.owner.query('SELECT status FROM dual_control_requests WHERE id = $1', [pending]);
    expect(status).toBe('PENDING');
  });

  it('lets the operator’s auditor read every bank and change nothing', async () => {
    const auditor = await api.as('auditor@caravan.example');
    expect((await auditor.get('/statements').expect(200)).body.total).toBeGreaterThanOrEqual(2); // both banks' statements
    expect((await auditor.get('/approval-requests').expect(200)).body.total).toBeGreaterThan(0);
    await auditor.post('/reconciliation/runs').expect(403);
    await auditor
      .post(`/ledger/entries/${(await d.backOffice.get(`/ledger/entries?financingRef=${victim.ref}`)).body.items[0].id}/reversal`)
      .send({ reason: 'x' })
      .expect(403);
  });
});
