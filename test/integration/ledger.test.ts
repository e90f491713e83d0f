import fc from 'fast-check';
import { allocate } from '@caravan/financing/workflow';
import { accrualLines, disbursementLines, LedgerService, repaymentLines, surplusPayoutLines } from '@caravan/ledger';
import { Actor, systemActor } from '@caravan/access';
import { Money } from '@caravan/money';
import { PEOPLE, startApi, TestApi } from '../support/api';
import { isolatedConfig } from '../support/stack';

describe('double-entry ledger on PostgreSQL', () => {
  let api: TestApi;
  let ledger: LedgerService;
  /** The bank's books, posted to as its workflows do. */
  let bank: Actor;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('ledger'));
    ledger = api.app.get(LedgerService);
    bank = systemActor('system:ledger-test', api.parties.bank);
  });

  afterAll(async () => {
    await api?.close();
  });

  const draft = (key: string, lines: ReturnType<typeof disbursementLines>, financingRef = 'RF-T') => ({
    idempotencyKey: key,
    financingRef,
    kind: 'test',
    description: key,
    valueDate: '2026-11-26',
    lines,
  });

  it('posts once per idempotency key', async () => {
    const first = await ledger.post(bank, draft('once-1', disbursementLines('1000.00', '10.00')));
    const again = await ledger.post(bank, draft('once-1', disbursementLines('1000.00', '10.00')));
    expect(again.id).toBe(first.id);
    expect(await api.owner.query('SELECT 1 FROM journal_entries WHERE idempotency_key = $1', ['once-1'])).toHaveLength(1);
  });

  it('refuses an unbalanced entry in code, and in the database when code is bypassed', async () => {
    await expect(
      ledger.post(
        bank,
        draft('bad-1', [
          { account: 'LOAN_PRINCIPAL' as never, debit: '10.00' },
          { account: 'BANK_FUNDING' as never, credit: '9.99' },
        ]),
      ),
    ).rejects.toMatchObject({
      code: 'LEDGER.UNBALANCED',
    });
    const sneak = api.owner.transaction(async (em) => {
      await em.query(
        `INSERT INTO journal_entries (id, idempotency_key, kind, description, value_date, currency, bank_id, posted_by) VALUES ('00000000-0000-4000-8000-0000000000aa', 'sneak', 'x', 'x', '2026-11-26', 'CNY', $1, 'test')`,
        [api.parties.bank],
      );
      await em.query(
        `INSERT INTO journal_lines (entry_id, account_code, debit) VALUES ('00000000-0000-4000-8000-0000000000aa', 'LOAN_PRINCIPAL', 10)`,
      );
      await em.query(
        `INSERT INTO journal_lines (entry_id, account_code, credit) VALUES ('00000000-0000-4000-8000-0000000000aa', 'BANK_FUNDING', 9)`,
      );
    });
    await expect(sneak).rejects.toThrow(/does not balance/);
    expect(await api.owner.query(`SELECT 1 FROM journal_entries WHERE idempotency_key = 'sneak'`)).toEqual([]);
  });

  it('never edits: updates and deletes are refused; a reversal takes two people, mirrors the entry, once', async () => {
    const entry = await ledger.post(bank, draft('rev-1', disbursementLines('500.00', '0.00'), 'RF-REV'));
    // the apps' role holds no UPDATE or DELETE; the owner's meets the trigger
    await expect(api.db.query('UPDATE journal_lines SET debit = 1 WHERE entry_id = $1', [entry.id])).rejects.toThrow(/permission denied/);
    await expect(api.db.query('DELETE FROM journal_entries WHERE id = $1', [entry.id])).rejects.toThrow(/permission denied/);
    await expect(api.owner.query('UPDATE journal_lines SET debit = 1 WHERE entry_id = $1', [entry.id])).rejects.toThrow(/append-only/);
    await expect(api.owner.query('DELETE FROM journal_entries WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);

    const backOffice = await api.as(PEOPLE.backOffice);
    const request = (
      await backOffice.post(`/ledger/entries/${entry.id}/reversal`).send({ reason: 'posted to the wrong financing' }).expect(202)
    ).body;
    expect(request).toMatchObject({ kind: 'ledger.reversal', status: 'PENDING' });
    expect(await api.owner.query('SELECT 1 FROM journal_entries WHERE reverses_entry_id = $1', [entry.id])).toEqual([]); // nothing yet
    await backOffice.post(`/approval-requests/${request.id}/approve`).send({}).expect(403); // not one's own
    const approved = (
      await (await api.as(PEOPLE.treasury)).post(`/approval-requests/${request.id}/approve`).send({ comment: 'checked' }).expect(200)
    ).body;
    expect(approved.status).toBe('APPROVED');
    const [back] = (await backOffice.get('/ledger/entries?financingRef=RF-REV').expect(200)).body.items.filter(
      (e: { reversesEntryId: string | null }) => e.reversesEntryId === entry.id,
    );
    expect(back.lines).toEqual([
      { account: 'LOAN_PRINCIPAL', credit: '500.00' },
      { account: 'BANK_FUNDING', debit: '500.00' },
    ]);
    expect(back).toMatchObject({
      postedBy: expect.stringContaining(PEOPLE.backOffice),
      approvedBy: expect.stringContaining(PEOPLE.treasury),
    });
    expect(await ledger.reverse(bank, entry.id, 'again')).toMatchObject({ id: back.id }); // same key: the same reversal
    await backOffice.post(`/ledger/entries/${entry.id}/reversal`).send({ reason: 'once more' }).expect(409);
    const balances = (await (await api.as(PEOPLE.backOffice)).get('/ledger/balances?financingRef=RF-REV').expect(200)).body;
    expect(balances.every((b: { balance: string }) => b.balance === '0.00')).toBe(true);
  });

  /** One financing's life, as random steps: disburse, accrue, repay (any amount), pay out surplus, reverse. */
  const step = fc.oneof(
    fc.record({
      op: fc.constant('accrue' as const),
      interest: fc.integer({ min: 1, max: 5_000_000 }),
      penalty: fc.integer({ min: 0, max: 100_000 }),
    }),
    fc.record({ op: fc.constant('repay' as const), amount: fc.integer({ min: 1, max: 200_000_000 }) }),
    fc.record({ op: fc.constant('payout' as const) }),
    fc.record({ op: fc.constant('reverse' as const), which: fc.nat() }),
  );
  const fen = (n: number) => Money.of(`${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);

  it('keeps every entry balanced and every balance equal to the sum of its entries, for random lives', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 100, max: 100_000_000 }),
        fc.integer({ min: 0, max: 99 }),
        fc.array(step, { maxLength: 12 }),
        async (principalFen, feeFen, steps) => {
          const ref = `RF-PROP-${++run}`;
          const principal = fen(principalFen * 100);
          const fee = fen(feeFen);
          const posted: string[] = [];
          const post = async (kind: string, lines: ReturnType<typeof disbursementLines>) => {
            if (lines.length < 2) return;
            posted.push((await ledger.post(bank, { ...draft(`${ref}/${posted.length}/${kind}`, lines, ref), kind })).id);
          };
          // What the borrower owes, tracked beside the ledger to allocate repayments.
          const owed = { penalty: Money.zero(), interest: Money.zero(), principal };
          let surplus = Money.zero();
          await post('disbursement', disbursementLines(principal.toString(), fee.toString()));
          for (const s of steps) {
            if (s.op === 'accrue') {
              await post('accrual', accrualLines(fen(s.interest).toString(), fen(s.penalty).toString()));
              owed.interest = owed.interest.plus(fen(s.interest));
              owed.penalty = owed.penalty.plus(fen(s.penalty));
            } else if (s.op === 'repay') {
              const due = {
                penalty: owed.penalty.toString(),
                fee: '0.00',
                interest: owed.interest.toString(),
                principal: owed.principal.toString(),
              };
              const { allocated, surplus: left } = allocate(fen(s.amount).toString(), due);
              await post('repayment', repaymentLines(fen(s.amount).toString(), allocated, left));
              owed.penalty = owed.penalty.minus(Money.of(allocated.penalty));
              owed.interest = owed.interest.minus(Money.of(allocated.interest));
              owed.principal = owed.principal.minus(Money.of(allocated.principal));
              surplus = surplus.plus(Money.of(left));
            } else if (s.op === 'payout' && surplus.isPositive()) {
              await post('payout', surplusPayoutLines(surplus.toString()));
              surplus = Money.zero();
            } else if (s.op === 'reverse' && posted.length > 0) {
              await ledger.reverse(bank, posted[s.which % posted.length], 'property test').catch((e) => {
                if (e.code !== 'LEDGER.REVERSAL_OF_REVERSAL') throw e;
              });
            }
          }
          const unbalanced = await api.owner.query(
            `SELECT e.id FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
            WHERE e.financing_ref = $1 GROUP BY e.id HAVING sum(l.debit) <> sum(l.credit) OR count(*) < 2`,
            [ref],
          );
          expect(unbalanced).toEqual([]);
          const drift = await api.owner.query(
            `SELECT b.account_code FROM ledger_balances b
             LEFT JOIN (SELECT account_code, sum(debit) AS d, sum(credit) AS c FROM journal_lines WHERE financing_ref = $1 GROUP BY account_code) s
               ON s.account_code = b.account_code
            WHERE b.financing_ref = $1 AND (b.debits <> coalesce(s.d, 0) OR b.credits <> coalesce(s.c, 0))`,
            [ref],
          );
          expect(drift).toEqual([]);
          const total = (await ledger.balances(bank, ref)).reduce((sum, b) => sum.plus(Money.of(b.balance)), Money.zero());
          expect(total.isZero()).toBe(true); // debits = credits over the whole financing
        },
      ),
      { numRuns: 30 },
    );
  });
});
