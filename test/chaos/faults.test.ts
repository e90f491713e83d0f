import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { once } from 'node:events';
import { freePort, LocalTemporal, resolveTemporalCli, startLocalTemporal, stopProcess, TemporalCli } from '@caravan/devstack';
import { ApiClient } from '../../scripts/api-client';
import { prepareBenchBank } from '../../scripts/bench/financings';
import { DEMO_ADMIN, DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoParties, seedParties } from '../../scripts/demo-data';
import { MIGRATIONS } from '../../apps/common/migrations';
import { migrateDatabase } from '@caravan/database';

/**
 * Faults under a steady load of applications and repayments, on servers this test starts
 * for itself: the worker is killed (-9), then the API, then PostgreSQL restarts, then
 * Temporal. Clients retry as a real one would (same Idempotency-Key). Afterwards every
 * financing has closed, every money movement happened once, every journal entry balances,
 * and every request that was answered 2xx left its mark in the database.
 */
const root = resolve(__dirname, '../..');
const LOAD_SECONDS = 60;
const PAST_THE_STEP = [
  'FINANCING.NOT_AT_THIS_STEP',
  'FINANCING.ALREADY_APPROVED_BY_YOU',
  'RECEIVABLE.NOT_AWAITING_CONFIRMATION',
  'RECEIVABLE.ALREADY_DECIDED',
  'RECEIVABLE.ILLEGAL_TRANSITION',
  'DUAL_CONTROL.NOT_PENDING',
  'DUAL_CONTROL.ALREADY_PENDING',
];
const LANES = 3;

describe('faults under load: worker, API, PostgreSQL and Temporal each fail in turn', () => {
  let runDir: string;
  let cli: TemporalCli;
  let postgres: ChildProcess;
  let databaseUrl: string;
  let ownerUrl: string;
  let temporal: LocalTemporal;
  let pgPort: number;
  let temporalPort: number;
  let env: Record<string, string>;
  let api: ChildProcess;
  let worker: ChildProcess;
  let baseUrl: string;
  let parties: DemoParties;
  const faults: string[] = [];

  /** PostgreSQL in a helper process (stopped cleanly by SIGTERM), ready when it prints its URL. */
  const startPostgres = async () => {
    const child = spawn(process.execPath, [join(root, 'dist/scripts/local-postgres.js'), join(runDir, 'pg'), String(pgPort), 'caravan'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    while (!output.includes('ready ')) {
      if (child.exitCode !== null) throw new Error(`PostgreSQL did not start: ${output}`);
      await sleep(100);
    }
    [, databaseUrl, ownerUrl] = /ready (\S+) (\S+)/.exec(output)!;
    return child;
  };
  const stopPostgres = async () => {
    postgres.kill('SIGTERM');
    if (postgres.exitCode === null) await once(postgres, 'exit');
  };
  const startTemporal = () =>
    startLocalTemporal({
      cli,
      dbFile: join(runDir, 'temporal.sqlite'),
      port: temporalPort,
      downloadDir: join(root, '.tools/sdk-download'),
    });
  const startApp = (app: 'api' | 'worker') =>
    spawn(process.execPath, [join(root, `dist/apps/${app}/src/main.js`)], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const healthy = async () => {
    for (let i = 0; i < 300; i++) {
      if (
        await fetch(`${baseUrl}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await sleep(200);
    }
    throw new Error('the API did not come back');
  };

  beforeAll(async () => {
    runDir = await mkdtemp(join(tmpdir(), 'caravan-chaos-'));
    await chmod(runDir, 0o755);
    cli = await resolveTemporalCli(root);
    [pgPort, temporalPort] = [await freePort(), await freePort()];
    postgres = await startPostgres();
    await migrateDatabase(ownerUrl, MIGRATIONS);
    temporal = await startTemporal();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = {
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
      AUTH_TOKEN_TTL_SECONDS: '3600',
      BOOTSTRAP_ADMIN_EMAIL: DEMO_ADMIN.email,
      BOOTSTRAP_ADMIN_PASSWORD: DEMO_ADMIN.password,
      FINANCING_DAY_MS: '200',
      // the lanes sign approvers and treasury in by password alone (the second factor has its own tests)
      AUTH_SECOND_FACTOR_ROLES: 'NONE',
      // the API killed mid-request leaves its keys claimed: the retrying clients take them over soon
      IDEMPOTENCY_ABANDONED_AFTER_SECONDS: '5',
    };
    api = startApp('api');
    worker = startApp('worker');
    await healthy();
    parties = await seedParties(new ApiClient(baseUrl));
  });

  afterAll(async () => {
    for (const child of [api, worker]) if (child) await stopProcess(child);
    await temporal?.stop();
    if (postgres) await stopPostgres();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  it('closes every financing, moves money once, balances every entry and loses no answered request', async () => {
    const login = async (email: string) => (await new ApiClient(baseUrl).login(email, DEMO_PASSWORD)).token!;
    const bank = DEMO_ORGANISATIONS.bank.users;
    const [sme, buyer, officer, approver, treasury, backOffice] = await Promise.all(
      [DEMO_ORGANISATIONS.hami.users[0], DEMO_ORGANISATIONS.powerGroup.users[0], bank[0], bank[1], bank[3], bank[4]].map((u) =>
        login(u.email),
      ),
    );
    const as = (token: string) => new ApiClient(baseUrl, token);
    await prepareBenchBank(
      { sme: as(sme), buyer: as(buyer), officer: as(officer), approver: as(approver), backOffice: as(backOffice), treasury: as(treasury) },
      parties,
    );

    /** A client that keeps trying through outages (a network error, a 5xx), with the same Idempotency-Key. */
    let requests = 0;
    let retries = 0;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each lane reads the fields it needs
    const call = async (token: string, method: string, path: string, body?: unknown, key?: string): Promise<any> => {
      for (let attempt = 0; ; attempt++) {
        requests += 1;
        const answer = await as(token)
          .request(method, path, body, key ? { 'idempotency-key': key } : {})
          .catch(() => ({ status: 0, body: undefined }));
        if (answer.status >= 200 && answer.status < 300) return answer.body;
        // an outage (no answer, a 5xx) or the first try of this key still in flight: try again
        const transient = answer.status === 0 || answer.status >= 500 || answer.body?.code === 'IDEMPOTENCY.IN_PROGRESS';
        // after a lost answer, "already past that step" means the first try took effect; the
        // lane checks the state it then expects, so a wrong guess still fails the test
        if (attempt > 0 && answer.status === 409 && PAST_THE_STEP.includes(answer.body?.code)) return undefined;
        if (!transient) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
        if (attempt > 400) throw new Error(`${method} ${path}: still ${answer.status} after ${attempt} tries`);
        retries += 1;
        await sleep(250);
      }
    };
    const stageOf = async (id: string) => (await call(sme, 'GET', `/financings/${id}`)).stage as string;
    const reach = async (id: string, stage: string) => {
      for (let i = 0; i < 1200; i++) {
        const now = await stageOf(id);
        if (now === stage) return;
        if (['INELIGIBLE', 'REJECTED', 'EXPIRED', 'DISBURSEMENT_FAILED'].includes(now)) throw new Error(`${id} ended ${now}, not ${stage}`);
        await sleep(250);
      }
      throw new Error(`${id} never reached ${stage}`);
    };

    // After a lost answer the retry may hear "past that step" while the confirmation's own
    // write still waits for a worker: the lane waits for the receivable as a client would.
    const confirmed = async (id: string) => {
      for (let i = 0; i < 1200; i++) {
        if ((await call(sme, 'GET', `/receivables/${id}`)).status === 'CONFIRMED') return;
        await sleep(250);
      }
      throw new Error(`${id} never confirmed`);
    };

    /** The back office records the buyer's payment by hand, treasury approves it: two people, each retrying as clients do. */
    const pay = async (financingId: string, reference: string, key: string) => {
      const subject = `${financingId}/${reference}`;
      // a lost answer whose key was taken over finds the request already made: it is the pending one of this payment
      const asked =
        (await call(backOffice, 'POST', `/financings/${financingId}/payments`, { reference, amount: '100000.00' }, key)) ??
        (await call(treasury, 'GET', `/approval-requests?kind=financing.payment&subject=${encodeURIComponent(subject)}&limit=5`)).items[0];
      await call(treasury, 'POST', `/approval-requests/${asked.id}/approve`, {}, `${key}-approve`);
    };
    const answered = { receivables: [] as string[], financings: [] as Array<{ id: string; ref: string }>, payments: [] as string[] };
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const started = Date.now();
    let n = 0;
    const lane = async () => {
      while (Date.now() - started < LOAD_SECONDS * 1000) {
        const i = n++;
        const receivable = await call(
          sme,
          'POST',
          '/receivables',
          { debtorId: parties.powerGroup, invoiceNumber: `CHAOS-${i}`, issueDate: '2026-11-01', dueDate: due, amount: '100000.00' },
          `r-${i}`,
        );
        answered.receivables.push(receivable.id);
        await call(sme, 'POST', `/receivables/${receivable.id}/submit`, undefined, `s-${i}`);
        await call(buyer, 'POST', `/receivables/${receivable.id}/confirm`, {}, `c-${i}`);
        await confirmed(receivable.id);
        const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable.id, bankId: parties.bank, amount: '80000.00' };
        const { quoteId } = await call(sme, 'POST', '/financings/trial', application, `q-${i}`);
        const financing = await call(sme, 'POST', '/financings', { ...application, quoteId }, `f-${i}`);
        answered.financings.push({ id: financing.id, ref: financing.ref });
        await reach(financing.id, 'AWAITING_COUNTERPARTY');
        await call(buyer, 'POST', `/financings/${financing.id}/acknowledge`, {}, `a-${i}`);
        await reach(financing.id, 'AWAITING_RECOMMENDATION');
        await call(officer, 'POST', `/financings/${financing.id}/recommend`, {}, `m-${i}`);
        await reach(financing.id, 'AWAITING_APPROVAL');
        await call(approver, 'POST', `/financings/${financing.id}/approve`, {}, `k-${i}`);
        await reach(financing.id, 'AWAITING_ACCEPTANCE');
        await call(sme, 'POST', `/financings/${financing.id}/accept`, {}, `x-${i}`);
        await reach(financing.id, 'REPAYING');
        await pay(financing.id, `CHAOS-PAY-${i}`, `p-${i}`);
        answered.payments.push(`CHAOS-PAY-${i}`);
        await reach(financing.id, 'CLOSED');
      }
    };
    const chaos = async () => {
      const at = async (second: number) => sleep(Math.max(0, started + second * 1000 - Date.now()));
      await at(8);
      faults.push('worker SIGKILL');
      worker.kill('SIGKILL');
      await sleep(2000);
      worker = startApp('worker');
      await at(20);
      faults.push('API SIGKILL');
      api.kill('SIGKILL');
      await sleep(2000);
      api = startApp('api');
      await healthy();
      await at(32);
      faults.push('PostgreSQL restart');
      await stopPostgres();
      await sleep(1000);
      postgres = await startPostgres();
      await at(44);
      faults.push('Temporal restart');
      await temporal.stop();
      await sleep(1000);
      temporal = await startTemporal();
    };
    await Promise.all([chaos(), ...Array.from({ length: LANES }, lane)]);
    console.log(
      `[chaos] ${answered.financings.length} financings, ${requests} requests (${retries} retried), faults: ${faults.join(', ')}`,
    );
    expect(faults).toHaveLength(4);
    expect(answered.financings.length).toBeGreaterThanOrEqual(LANES);

    const db = new Client({ connectionString: ownerUrl });
    await db.connect();
    try {
      // every answered request left its mark
      const { rows: receivables } = await db.query('SELECT id FROM receivables WHERE id = ANY($1::uuid[])', [answered.receivables]);
      expect(receivables).toHaveLength(answered.receivables.length);
      const { rows: financings } = await db.query('SELECT ref, stage FROM financings WHERE id = ANY($1::uuid[])', [
        answered.financings.map((f) => f.id),
      ]);
      expect(financings).toHaveLength(answered.financings.length);
      expect(financings.filter((f) => f.stage !== 'CLOSED')).toEqual([]);
      // money moved once: one disbursement and one surplus payout per financing, one repayment per payment
      const refs = answered.financings.map((f) => f.ref);
      const { rows: payouts } = await db.query(
        `SELECT split_part(instruction_id, '/', 2) AS purpose, count(*)::int AS n FROM simulated_bank_payments WHERE split_part(instruction_id, '/', 1) = ANY($1) GROUP BY 1`,
        [refs],
      );
      expect(Object.fromEntries(payouts.map((p) => [p.purpose, p.n]))).toEqual({ disbursement: refs.length, surplus: refs.length });
      const { rows: entries } = await db.query(
        `SELECT kind, count(*)::int AS n FROM journal_entries WHERE financing_ref = ANY($1) AND reverses_entry_id IS NULL GROUP BY kind`,
        [refs],
      );
      const byKind = Object.fromEntries(entries.map((e) => [e.kind, e.n]));
      expect(byKind.disbursement).toBe(refs.length);
      expect(byKind.repayment).toBe(answered.payments.length);
      // every journal entry balances, and each closed loan's principal is back to zero
      const { rows: unbalanced } = await db.query('SELECT entry_id FROM journal_lines GROUP BY entry_id HAVING sum(debit) <> sum(credit)');
      expect(unbalanced).toEqual([]);
      const { rows: principal } = await db.query(
        `SELECT financing_ref FROM ledger_balances WHERE account_code = 'LOAN_PRINCIPAL' AND financing_ref = ANY($1) AND debits <> credits`,
        [refs],
      );
      expect(principal).toEqual([]);
    } finally {
      await db.end();
    }
  });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
