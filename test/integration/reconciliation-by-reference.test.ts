import { randomUUID } from 'node:crypto';
import { enterScope } from '@caravan/database';
import { ExpectedMovement, ExpectedMovementsService, ReconciliationActivities } from '@caravan/reconciliation';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { onboardRival, Rival } from '../support/two-banks';
import { isolatedConfig } from '../support/stack';

/**
 * The exact reference rule, now one SQL statement a batch, decides as the rule did line by line
 * in Node: the same lines matched to the same movements for the same amounts, by the same
 * method, confidence and author, with the same audit events; a reference the database does not
 * compare (not ASCII) still matched by Node, a line that finds its reference settled left to the
 * other rules; another bank's movement under the same reference is not the bank's to settle. No worker: the run's batch is called as the workflow's activity calls it.
 */
describe('reconciliation: the exact reference rule in SQL decides as before', () => {
  let api: TestApi;
  let rival: Rival;
  const account = 'BY-REFERENCE-1';

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('reconciliation-by-reference'));
    rival = await onboardRival(api);
  });

  afterAll(async () => {
    await api?.close();
  });

  const movement = (endToEndId: string, reference: string, kind: ExpectedMovement['kind'], amount: string, valueFrom?: string) => ({
    financingRef: `F-${endToEndId}`,
    kind,
    endToEndId,
    reference,
    direction: kind === 'REPAYMENT' ? ('CRDT' as const) : ('DBIT' as const),
    amount,
    currency: 'CNY',
    valueFrom,
  });

  it('matches each line to what it matched before, and writes the same decisions, links, states and audit events', async () => {
    const bank = api.parties.bank;
    const movements = [
      movement('A-1', 'RF-A', 'REPAYMENT', '10.00', '2026-11-01'),
      movement('A-2', 'RF-A', 'REPAYMENT', '20.00', '2026-11-15'),
      movement('B-1', 'RF-B', 'PAYOUT', '50.00'),
      movement('C-1', 'RF-C', 'DISBURSEMENT', '30.00'),
      movement('D-1', 'RF-D', 'REPAYMENT', '5.00'),
    ];
    const expected = api.app.get(ExpectedMovementsService);
    const awaits = (organisationId: string, ms: ExpectedMovement[]) =>
      api.db.transaction(async (em) => {
        await enterScope(em, { organisationId, readsAll: false });
        for (const m of ms) await expected.expect(m, em);
      });
    await awaits(bank, movements);
    await awaits(rival.bankId, [movement('E-1', 'RF-E', 'REPAYMENT', '7.00')]);
    const backOffice = await api.as(PEOPLE.backOffice);
    const mapping = { delimiter: ';', hasHeader: true, decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', currency: 'CNY' };
    await backOffice
      .put(`/statements/csv-mappings/${account}`)
      .send({ ...mapping, columns: { bookingDate: 1, amount: 2, endToEndId: 3 } })
      .expect(200);
    const rows = [
      '15.00;rf-a', // settles A-1 and 5.00 of A-2
      '20.00;RF-A', // the rest of A-2, and its 5.00 too much with it
      '5.00;RF-A', // A is settled: left to the other rules (nothing awaits 5.00 by then)
      '5.00;ｒｆ-ｄ', // full-width: Node's rule compares it
      '-30.00;RF-C',
      '50.00;RF-B', // a credit quoting a payout: not the same payment
      '-50.00;rf-b',
      '7.00;RF-E', // what Rival Bank awaits
    ];
    await backOffice
      .post(`/statements?format=csv&account=${account}`)
      .set('content-type', 'text/plain')
      .send(['date;amount;e2e', ...rows.map((r) => `2026-11-20;${r}`)].join('\n'))
      .expect(201);
    const lineIds: string[] = (
      await api.owner.query(`SELECT id::text FROM statement_lines WHERE account = $1 ORDER BY position`, [account])
    ).map((r: { id: string }) => r.id);

    const activities = api.app.get(ReconciliationActivities);
    const runId = randomUUID();
    await activities.beginReconciliation({ bankId: bank, runId, trigger: 'ON_DEMAND', startedBy: PEOPLE.backOffice });
    expect(await activities.matchNextBatch({ bankId: bank, runId, size: 100 })).toEqual({
      processed: 8,
      matched: 5,
      suggested: 0,
      done: true,
    });

    const decisions = await api.owner.query(
      `SELECT k.line_id::text AS line, d.method, d.confidence::text AS confidence, d.status, d.written_off::text AS "writtenOff", d.decided_by AS "decidedBy",
              d.forwarded_at IS NOT NULL AS forwarded, json_agg(json_build_object('movement', e.end_to_end_id, 'amount', k.amount::text) ORDER BY e.end_to_end_id) AS links,
              (SELECT json_agg(json_build_object('action', a.action, 'actor', a.actor_label, 'user', a.actor_user_id, 'after', a.after))
                 FROM audit_events a WHERE a.entity_type = 'statement-match' AND a.entity_id = d.id::text) AS audit
         FROM match_decisions d JOIN match_links k ON k.decision_id = d.id JOIN expected_movements e ON e.id = k.expected_id
        GROUP BY d.id, k.line_id ORDER BY k.line_id`,
    );
    const ids = new Map(
      (await api.owner.query(`SELECT end_to_end_id AS e2e, id FROM expected_movements`)).map((r: { e2e: string; id: string }) => [
        r.e2e,
        r.id,
      ]),
    );
    const decision = (line: number, forwarded: boolean, links: Array<[string, string]>) => ({
      line: lineIds[line - 1],
      method: 'END_TO_END',
      confidence: '1.00',
      status: 'ACTIVE',
      writtenOff: '0.00',
      decidedBy: 'system:reconciliation-workflow',
      forwarded,
      links: links.map(([movement, amount]) => ({ movement, amount })),
      audit: [
        {
          action: 'statement-line.match',
          actor: 'system:reconciliation-workflow',
          user: null,
          after: {
            method: 'END_TO_END',
            confidence: 1,
            links: links.map(([movement, amount]) => ({ lineId: lineIds[line - 1], expectedId: ids.get(movement), amount })),
          },
        },
      ],
    });
    expect(decisions).toEqual([
      decision(1, false, [
        ['A-1', '10.00'],
        ['A-2', '5.00'],
      ]),
      decision(2, false, [['A-2', '20.00']]),
      decision(4, false, [['D-1', '5.00']]),
      decision(5, false, [['C-1', '30.00']]),
      // a payout tells no financing anything: forwarded as it is made
      decision(7, true, [['B-1', '50.00']]),
    ]);
    expect(
      await api.owner.query(`SELECT end_to_end_id AS e2e, settled::text, status FROM expected_movements ORDER BY end_to_end_id`),
    ).toEqual([
      { e2e: 'A-1', settled: '10.00', status: 'MATCHED' },
      { e2e: 'A-2', settled: '25.00', status: 'MATCHED' },
      { e2e: 'B-1', settled: '50.00', status: 'MATCHED' },
      { e2e: 'C-1', settled: '30.00', status: 'MATCHED' },
      { e2e: 'D-1', settled: '5.00', status: 'MATCHED' },
      { e2e: 'E-1', settled: '0.00', status: 'OPEN' },
    ]);
    expect(
      (await api.owner.query(`SELECT match_status FROM statement_lines WHERE account = $1 ORDER BY position`, [account])).map(
        (r: { match_status: string }) => r.match_status,
      ),
    ).toEqual(['MATCHED', 'MATCHED', 'UNMATCHED', 'MATCHED', 'MATCHED', 'UNMATCHED', 'MATCHED', 'UNMATCHED']);
  });
  /**
   * Rule 2 on a mixed batch: certain matches (the amount, inside the window, of the payer as
   * keyed), window edges, ties, a credit against a debit, another currency, a payer written
   * differently, an earlier line's run of instalments that a later line's certain match must not
   * break, and Rival Bank's movements and lines beside ours. Every decision, link, state and
   * audit event is the one the Node rule made line by line (this test passed on it unchanged,
   * but for the order of the audit events).
   */
  it('decides amount + date + counterparty as the Node rule did, beside a second bank', async () => {
    const bank = api.parties.bank;
    const w = { valueFrom: '2026-11-18', valueTo: '2026-11-25' };
    const payout = (endToEndId: string, amount: string, counterparty: string, window = w, extra: Partial<ExpectedMovement> = {}) => ({
      financingRef: `F-${endToEndId}`,
      kind: 'PAYOUT' as const,
      endToEndId,
      direction: 'DBIT' as const,
      amount,
      currency: 'CNY',
      counterparty,
      ...window,
      ...extra,
    });
    const awaitAll = (organisationId: string, movements: ExpectedMovement[]) =>
      api.db.transaction(async (em) => {
        await enterScope(em, { organisationId, readsAll: false });
        for (const m of movements) await api.app.get(ExpectedMovementsService).expect(m, em);
      });
    await awaitAll(bank, [
      payout('P-ALPHA', '100.00', 'Alpha Logistics'),
      payout('P-BETA-1', '200.00', 'Beta Freight'),
      payout('P-BETA-2', '200.00', 'Beta Freight', { valueFrom: '2026-11-19', valueTo: '2026-11-25' }),
      payout('P-EDGE-FROM', '301.00', 'Edge Co', { valueFrom: '2026-11-20', valueTo: '2026-11-30' }),
      payout('P-EDGE-TO', '302.00', 'Edge Co', { valueFrom: '2026-11-10', valueTo: '2026-11-19' }),
      payout('P-EDGE-LAST', '303.00', 'Edge Co', { valueFrom: '2026-11-10', valueTo: '2026-11-20' }),
      payout('P-DIR', '400.00', 'Direction Ltd'),
      payout('P-USD', '450.00', 'Currency Ltd', w, { currency: 'USD' }),
      payout('P-GAMMA', '500.00', 'Gamma Trading Co'),
      payout('P-ZETA-1', '600.00', 'Zeta'),
      payout('P-ZETA-2', '600.00', 'Zeta', { valueFrom: '2026-11-21', valueTo: '2026-11-30' }),
      payout('P-ETA-1', '110.00', 'Eta', { valueFrom: '2026-11-18', valueTo: '2026-11-25' }, { financingRef: 'F-ETA' }),
      payout('P-ETA-2', '150.00', 'Eta', { valueFrom: '2026-11-19', valueTo: '2026-11-25' }, { financingRef: 'F-ETA' }),
      payout('P-THETA-1', '120.00', 'Theta', { valueFrom: '2026-11-18', valueTo: '2026-11-25' }, { financingRef: 'F-THETA' }),
      payout('P-THETA-2', '130.00', 'Theta', { valueFrom: '2026-11-19', valueTo: '2026-11-25' }, { financingRef: 'F-THETA' }),
      payout('P-IOTA', '700.00', 'Iota'),
      payout('P-LAMBDA', '720.00', 'Lambda'),
      payout('P-MU', '800.00', 'Mu Corp'),
      payout('P-NU', '900.00', 'Nu'),
      payout('R-OMEGA', '950.00', 'Omega', w, { kind: 'REPAYMENT', direction: 'CRDT' }),
      payout('P-PI', '1000.00', 'Pi'),
      payout('P-SIGMA-1', '41.00', 'Sigma', { valueFrom: '2026-11-18', valueTo: '2026-11-25' }, { financingRef: 'F-SIGMA' }),
      payout('P-SIGMA-2', '205.00', 'Sigma', { valueFrom: '2026-11-19', valueTo: '2026-11-25' }, { financingRef: 'F-SIGMA' }),
      payout('P-SIGMA-3', '62.00', 'Sigma', { valueFrom: '2026-11-20', valueTo: '2026-11-25' }, { financingRef: 'F-SIGMA' }),
    ]);
    // Rival Bank awaits what our lines pay, and has a line our movement awaits
    await awaitAll(rival.bankId, [payout('X-IOTA', '700.00', 'Iota'), payout('X-KAPPA', '710.00', 'Kappa')]);
    const csv = { delimiter: ';', hasHeader: true, decimalSeparator: '.', dateFormat: 'YYYY-MM-DD', currency: 'CNY' };
    const columns = { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4 };
    const upload = async (agent: TokenAgent, account: string, rows: string[]) => {
      await agent
        .put(`/statements/csv-mappings/${account}`)
        .send({ ...csv, columns })
        .expect(200);
      await agent
        .post(`/statements?format=csv&account=${account}`)
        .set('content-type', 'text/plain')
        .send(['date;amount;e2e;name', ...rows].join('\n'))
        .expect(201);
    };
    await upload(rival.as.backOffice, 'BY-AMOUNT-RIVAL', ['2026-11-20;-720.00;;Lambda']);
    await upload(await api.as(PEOPLE.backOffice), 'BY-AMOUNT-1', [
      '2026-11-20;-100.00;;Alpha Logistics', // 1: certain
      '2026-11-20;-200.00;;Beta Freight', // 2: two certain candidates: a suggestion at half
      '2026-11-20;-301.00;;Edge Co', // 3: on the first day of the window
      '2026-11-20;-302.00;;Edge Co', // 4: a day after the window: a suggestion
      '2026-11-20;-303.00;;Edge Co', // 5: on the last day of the window
      '2026-11-20;400.00;;Direction Ltd', // 6: a credit: no candidate
      '2026-11-20;-450.00;;Currency Ltd', // 7: another currency: no candidate
      '2026-11-20;-500.00;;GAMMA TRADING co.', // 8: the payer keyed alike
      '2026-11-22;-600.00;;Zeta', // 9: inside both windows: a tie
      '2026-11-20;-600.00;;Zeta', // 10: inside the first only: certain, after 9 suggested it
      '2026-11-20;-260.00;;Eta', // 11: two instalments at once
      '2026-11-20;-150.00;;Eta', // 12: the second instalment, already taken by 11
      '2026-11-20;-130.00;;Theta', // 13: certain, first
      '2026-11-20;-250.00;;Theta', // 14: the run it would have been is broken by 13
      '2026-11-20;-700.00;;Iota', // 15: certain: Rival Bank's 700.00 is not ours to tie with
      '2026-11-20;-710.00;;Kappa', // 16: only Rival Bank awaits it
      '2026-11-20;-800.00;;', // 17: no payer: a suggestion
      '2026-11-20;-900.00;RF-NOWHERE;Nu', // 18: a reference nothing awaits, then certain by amount
      '2026-11-20;-100.00;;Alpha Logistics', // 19: Alpha already paid
      '2026-11-20;950.00;;Omega', // 20: a repayment: made, not forwarded at once
      '2026-11-20;-999.99;;Pi', // 21: a cent short: no candidate
      '2026-11-20;-103.00;;Sigma', // 22: the first and third instalments, not consecutive while the second is awaited
      '2026-11-20;-205.00;;Sigma', // 23: certain: the second instalment, after 22 found no run
    ]);
    const lineIds: string[] = (
      await api.owner.query(`SELECT id::text FROM statement_lines WHERE account = 'BY-AMOUNT-1' ORDER BY position`)
    ).map((r: { id: string }) => r.id);
    const ids = new Map<string, string>(
      (await api.owner.query(`SELECT end_to_end_id AS e2e, id FROM expected_movements`)).map((r: { e2e: string; id: string }) => [
        r.e2e,
        r.id,
      ]),
    );

    const runId = randomUUID();
    const activities = api.app.get(ReconciliationActivities);
    await activities.beginReconciliation({ bankId: bank, runId, trigger: 'ON_DEMAND', startedBy: PEOPLE.backOffice });
    // the three lines the first test left unmatched go through the rules again
    expect(await activities.matchNextBatch({ bankId: bank, runId, size: 100 })).toEqual({
      processed: 26,
      matched: 11,
      suggested: 4,
      done: true,
    });

    const decisions = await api.owner.query(
      `SELECT k.line_id::text AS line, d.method, d.confidence::text AS confidence, d.status, d.written_off::text AS "writtenOff", d.decided_by AS "decidedBy",
              d.forwarded_at IS NOT NULL AS forwarded, json_agg(json_build_object('movement', e.end_to_end_id, 'amount', k.amount::text) ORDER BY e.end_to_end_id) AS links,
              (SELECT json_agg(json_build_object('action', a.action, 'actor', a.actor_label, 'after', a.after))
                 FROM audit_events a WHERE a.entity_type = 'statement-match' AND a.entity_id = d.id::text) AS audit
         FROM match_decisions d JOIN match_links k ON k.decision_id = d.id JOIN expected_movements e ON e.id = k.expected_id
        WHERE k.line_id = ANY($1::bigint[]) GROUP BY d.id, k.line_id ORDER BY k.line_id`,
      [lineIds],
    );
    const decision = (line: number, method: string, confidence: string, links: Array<[string, string]>, forwarded = true) => {
      const made = Number(confidence) >= 0.9;
      return {
        line: lineIds[line - 1],
        method,
        confidence,
        status: made ? 'ACTIVE' : 'SUGGESTED',
        writtenOff: '0.00',
        decidedBy: 'system:reconciliation-workflow',
        forwarded: made && forwarded,
        links: links.map(([movement, amount]) => ({ movement, amount })),
        audit: made
          ? [
              {
                action: 'statement-line.match',
                actor: 'system:reconciliation-workflow',
                after: {
                  method,
                  confidence: Number(confidence),
                  links: links.map(([movement, amount]) => ({ lineId: lineIds[line - 1], expectedId: ids.get(movement), amount })),
                },
              },
            ]
          : null,
      };
    };
    const rule2 = 'AMOUNT_DATE_COUNTERPARTY';
    expect(decisions).toEqual([
      decision(1, rule2, '1.00', [['P-ALPHA', '100.00']]),
      decision(2, rule2, '0.50', [['P-BETA-1', '200.00']]),
      decision(3, rule2, '1.00', [['P-EDGE-FROM', '301.00']]),
      decision(4, rule2, '0.75', [['P-EDGE-TO', '302.00']]),
      decision(5, rule2, '1.00', [['P-EDGE-LAST', '303.00']]),
      decision(8, rule2, '1.00', [['P-GAMMA', '500.00']]),
      decision(9, rule2, '0.50', [['P-ZETA-1', '600.00']]),
      decision(10, rule2, '1.00', [['P-ZETA-1', '600.00']]),
      decision(11, 'MANY_TO_ONE', '0.90', [
        ['P-ETA-1', '110.00'],
        ['P-ETA-2', '150.00'],
      ]),
      decision(13, rule2, '1.00', [['P-THETA-2', '130.00']]),
      decision(15, rule2, '1.00', [['P-IOTA', '700.00']]),
      decision(17, rule2, '0.75', [['P-MU', '800.00']]),
      decision(18, rule2, '1.00', [['P-NU', '900.00']]),
      decision(20, rule2, '1.00', [['R-OMEGA', '950.00']], false),
      decision(23, rule2, '1.00', [['P-SIGMA-2', '205.00']]),
    ]);
    // the certain ones by the database's statement, written before what Node made: a payer's later lines (5, 23), 10 after 9's tie, 11's run
    const written = await api.owner.query(
      `SELECT min(k.line_id)::text AS line FROM audit_events a JOIN match_links k ON k.decision_id::text = a.entity_id
        WHERE a.entity_type = 'statement-match' AND k.line_id = ANY($1::bigint[]) GROUP BY a.id ORDER BY a.id`,
      [lineIds],
    );
    expect(written.map((r: { line: string }) => lineIds.indexOf(r.line) + 1)).toEqual([1, 3, 8, 13, 15, 18, 20, 5, 10, 11, 23]);
    const matched = [1, 3, 5, 8, 10, 11, 13, 15, 18, 20, 23];
    expect(
      (await api.owner.query(`SELECT match_status FROM statement_lines WHERE account = 'BY-AMOUNT-1' ORDER BY position`)).map(
        (r: { match_status: string }) => r.match_status,
      ),
    ).toEqual(lineIds.map((_, i) => (matched.includes(i + 1) ? 'MATCHED' : 'UNMATCHED')));
    const settled = await api.owner.query(
      `SELECT end_to_end_id AS e2e, settled::text, status FROM expected_movements WHERE end_to_end_id ~ '^[PRX]-' AND status <> 'OPEN' ORDER BY end_to_end_id`,
    );
    expect(settled).toEqual(
      Object.entries({
        'P-ALPHA': '100.00',
        'P-EDGE-FROM': '301.00',
        'P-EDGE-LAST': '303.00',
        'P-ETA-1': '110.00',
        'P-ETA-2': '150.00',
        'P-GAMMA': '500.00',
        'P-IOTA': '700.00',
        'P-NU': '900.00',
        'P-SIGMA-2': '205.00',
        'P-THETA-2': '130.00',
        'P-ZETA-1': '600.00',
        'R-OMEGA': '950.00',
      }).map(([e2e, amount]) => ({ e2e, settled: amount, status: 'MATCHED' })),
    );
    // Rival Bank's line and movements are untouched by our run
    expect(
      await api.owner.query(
        `SELECT l.match_status AS status, (SELECT count(*)::int FROM match_links k WHERE k.line_id = l.id) AS links FROM statement_lines l WHERE l.account = 'BY-AMOUNT-RIVAL'`,
      ),
    ).toEqual([{ status: 'UNMATCHED', links: 0 }]);
  });
});
