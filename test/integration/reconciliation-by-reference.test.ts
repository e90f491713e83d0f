import { randomUUID } from 'node:crypto';
import { enterScope } from '@caravan/database';
import { ExpectedMovement, ExpectedMovementsService, ReconciliationActivities } from '@caravan/reconciliation';
import { PEOPLE, startApi, TestApi } from '../support/api';
import { isolatedConfig } from '../support/stack';
import { onboardRival } from '../support/two-banks';

/**
 * The exact reference rule, now one SQL statement a batch, decides as the rule did line by line
 * in Node: the same lines matched to the same movements for the same amounts, by the same
 * method, confidence and author, with the same audit events; a reference the database does not
 * compare (not ASCII) still matched by Node, a line that finds its reference settled left to the
 * other rules; another bank's movement under the same reference is not the bank's to settle. No worker: the run's batch is called as the workflow's activity calls it.
 */
describe('reconciliation: the exact reference rule in SQL decides as before', () => {
  let api: TestApi;
  const account = 'BY-REFERENCE-1';

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('reconciliation-by-reference'));
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
    const rival = await onboardRival(api);
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
});
