import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { enterScope } from '@caravan/database';
import type { TestApi } from '../support/api';
import { applyFor, approveAndAccept, confirmedReceivable, Desk, reaches, recordPayment, startFinancingStack } from '../support/financing';
import { reconcile } from '../support/reconciliation';
import { ownerUrlOf } from '../support/stack';
import { onboardRival, Rival } from '../support/two-banks';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

const MONEY_TABLES = [
  'financings',
  'financing_events',
  'financing_policy_versions',
  'financing_quotes',
  'journal_entries',
  'journal_lines',
  'ledger_balances',
  'bank_statements',
  'statement_lines',
  'expected_movements',
  'match_decisions',
  'match_links',
  'reconciliation_runs',
  'bank_accounts',
  'statement_rules',
  'csv_mappings',
  'simulated_bank_payments',
  'dual_control_requests',
];

/**
 * What PostgreSQL itself holds, whatever the code forgets: as the role the apps connect as,
 * in the scope of bank B, a query without any WHERE clause returns no row of bank A; without a
 * scope, none at all; and that role can neither edit history nor switch the guarantees off.
 */
describe('row-level security and least privilege, below the code', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let d: Desk;
  let rival: Rival;
  let appRole: DataSource;
  let config: Awaited<ReturnType<typeof startFinancingStack>>['config'];

  /** A raw query as the apps' role, in a transaction scoped as given. */
  const asApp = <T>(
    scope: { organisationId: string | null; readsAll: boolean } | undefined,
    sql: string,
    params: unknown[] = [],
  ): Promise<T> =>
    appRole.transaction(async (em) => {
      if (scope) await enterScope(em, scope);
      return em.query(sql, params);
    });
  const ownerCount = async (table: string) => Number((await api.owner.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    const stack = await startFinancingStack('row_security');
    ({ api, desk: d, config } = stack);
    worker = await startWorkerProcess(config, api.temporal);
    rival = await onboardRival(api);
    appRole = await new DataSource({ type: 'postgres', url: config.DATABASE_URL, extra: { max: 2 } }).initialize();
    // bank A: a financing repaid and closed (books, payments, events), a statement, a run, requests
    const { id } = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: await confirmedReceivable(api, d, '100000.00', 5),
      bankId: api.parties.bank,
      amount: '80000.00',
    });
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    await recordPayment(d, id, 'RLS-PAY', '100000.00');
    await reaches(d, id, 'CLOSED');
    await d.backOffice
      .put('/statements/csv-mappings/A-1')
      .send({
        delimiter: ';',
        hasHeader: false,
        decimalSeparator: '.',
        dateFormat: 'YYYY-MM-DD',
        currency: 'CNY',
        columns: { bookingDate: 1, amount: 2 },
      })
      .expect(200);
    await d.backOffice.put('/reconciliation/accounts/A-1').send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY' }).expect(200);
    await d.backOffice.post('/statements?format=csv&account=A-1').set('content-type', 'text/plain').send('2026-11-25;5.00').expect(201);
    await reconcile(d.backOffice);
    const [{ id: line }] = await api.owner.query(`SELECT id::text AS id FROM statement_lines WHERE account = 'A-1'`);
    await d.backOffice.post(`/reconciliation/lines/${line}/write-off`).send({ reason: 'fixture' }).expect(201);
    const rule = { name: 'charges', bankTransactionCode: 'NCHG', ledgerAccount: 'BANK_CHARGES' };
    const proposed = (await d.backOffice.post('/reconciliation/accounts/A-1/rules').send(rule).expect(202)).body;
    await d.treasury.post(`/approval-requests/${proposed.id}/approve`).send({}).expect(200);
  });

  afterAll(async () => {
    await appRole?.destroy();
    await worker?.stop();
    await api?.close();
  });

  it.each(MONEY_TABLES)('%s: bank B sees no row of bank A, no scope sees nothing, bank A and the auditor see theirs', async (table) => {
    expect(await ownerCount(table)).toBeGreaterThan(0); // bank A has rows here
    const count = async (scope?: { organisationId: string | null; readsAll: boolean }) =>
      Number((await asApp<Array<{ n: string }>>(scope, `SELECT count(*) AS n FROM ${table}`))[0].n);
    expect(await count({ organisationId: rival.bankId, readsAll: false })).toBe(0);
    expect(await count(undefined)).toBe(0);
    expect(await count({ organisationId: api.parties.bank, readsAll: false })).toBeGreaterThan(0);
    expect(await count({ organisationId: null, readsAll: true })).toBe(await ownerCount(table));
  });

  it('lets bank B write nothing into bank A’s rows, nor a row in bank A’s name', async () => {
    const asRival = { organisationId: rival.bankId, readsAll: false };
    const [{ id: entry }] = await api.owner.query('SELECT id FROM journal_entries LIMIT 1');
    // lines onto A's entry: refused by the policy (A's entry is invisible to B)
    await expect(
      asApp(asRival, `INSERT INTO journal_lines (entry_id, account_code, debit) VALUES ($1, 'LOAN_PRINCIPAL', 1)`, [entry]),
    ).rejects.toThrow(/row-level security/);
    // an entry in A's name
    await expect(
      asApp(
        asRival,
        `INSERT INTO journal_entries (id, idempotency_key, kind, description, value_date, currency, bank_id, posted_by) VALUES (gen_random_uuid(), 'rls-x', 'x', 'x', '2026-11-26', 'CNY', $1, 'x')`,
        [api.parties.bank],
      ),
    ).rejects.toThrow(/row-level security/);
    // updates of A's rows touch nothing
    expect(await asApp(asRival, `UPDATE statement_lines SET match_status = 'UNMATCHED' RETURNING id`)).toEqual([[], 0]);
    expect(await asApp(asRival, `UPDATE financings SET stage = 'CLOSED' RETURNING id`)).toEqual([[], 0]);
    // a quote is marked used by its SME alone, and nobody reprices one
    expect(await asApp(asRival, `UPDATE financing_quotes SET financing_id = gen_random_uuid() RETURNING id`)).toEqual([[], 0]);
    const asBankA = { organisationId: api.parties.bank, readsAll: false };
    expect(await asApp(asBankA, `UPDATE financing_quotes SET financing_id = gen_random_uuid() RETURNING id`)).toEqual([[], 0]);
    const asSme = { organisationId: api.parties.hami, readsAll: false };
    await expect(asApp(asSme, `UPDATE financing_quotes SET amount = 1`)).rejects.toThrow(/permission denied/);
    // a standing rule is added by two people and then only read: no one edits one in place
    await expect(asApp(asBankA, `UPDATE statement_rules SET ledger_account = 'BANK_INTEREST'`)).rejects.toThrow(/permission denied/);
    // nor does bank B hang a rule on bank A's account (the account is bank B's own or none)
    await expect(
      asApp(
        asRival,
        `INSERT INTO statement_rules (id, account, name, text_contains, ledger_account, requested_by, approved_by)
         VALUES (gen_random_uuid(), 'A-1', 'forged', 'x', 'BANK_CHARGES', 'x', 'y')`,
      ),
    ).rejects.toThrow(/foreign key/);
    // the auditor's scope reads everything and writes nothing
    await expect(
      asApp({ organisationId: null, readsAll: true }, `UPDATE bank_accounts SET currency = 'USD' RETURNING account`),
    ).resolves.toEqual([[], 0]);
  });

  it('holds the apps’ role to least privilege: no history edited, no guarantee switched off', async () => {
    const [me] = await appRole.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(me).toEqual({ rolsuper: false, rolbypassrls: false });
    for (const [table, column] of [
      ['audit_events', 'action'],
      ['journal_entries', 'kind'],
      ['journal_lines', 'debit'],
    ]) {
      await expect(appRole.query(`UPDATE ${table} SET ${column} = ${column}`)).rejects.toThrow(/permission denied/);
      await expect(appRole.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(appRole.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
    }
    await expect(appRole.query('UPDATE ledger_balances SET debits = 0')).rejects.toThrow(/permission denied/);
    await expect(appRole.query('SET session_replication_role = replica')).rejects.toThrow(/permission denied/);
    await expect(appRole.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change')).rejects.toThrow(/must be owner/);
    await expect(appRole.query('ALTER TABLE journal_entries DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
    await expect(appRole.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
  });

  it.each([
    ['the tables’ owner', () => ownerUrlOf(config), /owns \d+ tables/],
    ['the superuser', () => ownerUrlOf(config).replace(/\/\/[^@]+@/, '//caravan:caravan@'), /is a superuser/],
  ])('refuses to start the apps as %s, and says why', (_, url, why) => {
    for (const app of ['api', 'worker']) {
      const result = spawnSync(process.execPath, [resolve(__dirname, `../../dist/apps/${app}/src/main.js`)], {
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATABASE_URL: url(),
          TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS,
          AUTH_TOKEN_SECRET: config.AUTH_TOKEN_SECRET,
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(why);
      expect(result.stderr).toContain('caravan_app');
    }
  });
});
