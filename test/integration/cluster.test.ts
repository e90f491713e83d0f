import { readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import request from 'supertest';
import { BusinessClock } from '@caravan/clock';
import {
  ClusterLayout,
  ClusterScript,
  freePort,
  resolveTemporalServer,
  spawnGroup,
  startClusterScript,
  stopGroup,
} from '@caravan/devstack';
import { ApiClient } from '../../scripts/api-client';
import { DEMO_ADMIN, DEMO_PASSWORD, DemoParties, seedParties } from '../../scripts/demo-data';
import { PEOPLE, TestApi } from '../support/api';
import { applyFor, approveAndAccept, confirmedReceivable, Desk, prepareBank, reaches, recordPayment, timeline } from '../support/financing';
import { financingLoad, sleep } from '../../scripts/bench/lanes';
import { expectInvariants } from '../support/financing-load';
import { reconcile } from '../support/reconciliation';

/**
 * The production topology, started as `npm run start:cluster` starts it (the script itself, in
 * a process group of its own): Temporal's server on PostgreSQL, two APIs behind haproxy, two
 * workers. The financing and reconciliation paths go through the load balancer; then, under a
 * steady load, one API and one worker are killed (-9) and nothing is lost or posted twice.
 */
const root = resolve(__dirname, '../..');

describe('the cluster: Temporal server on PostgreSQL, two APIs behind haproxy, two workers', () => {
  let cluster: ClusterScript;
  let layout: ClusterLayout;
  let parties: DemoParties;
  let d: Desk;

  beforeAll(async () => {
    // a fresh clone's .tools is empty: the server is built once (from Go's build cache, quickly)
    await resolveTemporalServer(root, (line) => console.log(`[cluster test] ${line}`));
    cluster = await startClusterScript(
      root,
      {
        FINANCING_DAY_MS: '200',
        BUSINESS_TIMEZONE: 'UTC',
        // the desk signs approvers and treasury in by password alone (the second factor has its own tests)
        AUTH_SECOND_FACTOR_ROLES: 'NONE',
        // the API killed mid-request leaves its keys claimed: the retrying clients take them over soon
        IDEMPOTENCY_ABANDONED_AFTER_SECONDS: '5',
      },
      150_000,
    );
    layout = cluster.layout;
    parties = await seedParties(new ApiClient(layout.baseUrl));
    d = await remoteDesk(layout.baseUrl);
    await prepareBank({ parties } as TestApi, d);
  }, 600_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('runs on the Temporal server with PostgreSQL for state and visibility, both workers polling, both APIs healthy', async () => {
    const connection = await Connection.connect({ address: layout.temporalAddress });
    try {
      const info = await connection.workflowService.getClusterInfo({});
      expect(info.persistenceStore).toBe('postgres12');
      expect(info.visibilityStore).toContain('postgres12');
      const { TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY } = proto.api.enums.v1.TaskQueueType;
      for (const taskQueueType of [TASK_QUEUE_TYPE_WORKFLOW, TASK_QUEUE_TYPE_ACTIVITY]) {
        const { pollers } = await connection.workflowService.describeTaskQueue({
          namespace: 'default',
          taskQueue: { name: 'caravan' },
          taskQueueType,
        });
        for (const { pid } of layout.workers) expect((pollers ?? []).some((p) => p.identity?.startsWith(`${pid}@`))).toBe(true);
      }
    } finally {
      await connection.close();
    }
    for (const url of [layout.baseUrl, ...layout.apis.map((a) => a.url)]) expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  it('takes a financing from application to closure through the load balancer', async () => {
    const receivable = await confirmedReceivable({ parties } as TestApi, d, '1000000.00', 300);
    const { id } = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: parties.bank,
      amount: '800000.00',
    });
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    const { result } = await recordPayment(d, id, 'CLUSTER-PAY-1', '1000000.00');
    expect(result).toBeDefined();
    await reaches(d, id, 'CLOSED');
    // haproxy shared the requests out: each API's own metrics count reads of the financing
    for (const { metrics } of layout.apis)
      expect(await (await fetch(metrics)).text()).toMatch(
        /caravan_http_request_duration_seconds_count\{method="GET",route="\/financings\/:id",status="200"\} [1-9]/,
      );
    for (const { metrics } of layout.workers) expect((await fetch(metrics)).status).toBe(200);
  });

  it('reconciles a statement whose line repays a financing, which then closes', async () => {
    const mapping = {
      delimiter: ';',
      hasHeader: true,
      decimalSeparator: '.',
      dateFormat: 'YYYY-MM-DD',
      currency: 'CNY',
      columns: { bookingDate: 1, amount: 2, endToEndId: 3, remittance: 4 },
    };
    await d.backOffice.put('/statements/csv-mappings/COLLECTION-1').send(mapping).expect(200);
    const receivable = await confirmedReceivable({ parties } as TestApi, d, '500000.00', 300);
    const { id, paymentReference } = await applyFor(d.sme, {
      product: 'RECEIVABLE_FINANCING',
      assetId: receivable,
      bankId: parties.bank,
      amount: '400000.00',
    });
    await approveAndAccept(d, id);
    await reaches(d, id, 'REPAYING');
    const today = new BusinessClock('UTC').today(); // the cluster's BUSINESS_TIMEZONE
    await d.backOffice
      .post('/statements?format=csv&account=COLLECTION-1')
      .set('content-type', 'text/plain')
      .send(['date;amount;e2e;text', `${today};500000.00;${paymentReference};invoice paid by the buyer`].join('\n'))
      .expect(201);
    expect(await reconcile(d.backOffice)).toMatchObject({ status: 'DONE', matched: 1 });
    await reaches(d, id, 'CLOSED');
    expect((await timeline(d, id)).map((e) => e.step)).toContain('payment.allocated');
  });

  it('loses nothing and posts nothing twice when an API and a worker are killed (-9) under load', async () => {
    const load = await financingLoad(layout.baseUrl, parties, 'CLUSTER');
    const faults = async () => {
      await sleep(6_000);
      process.kill(layout.apis[0].pid, 'SIGKILL');
      await sleep(4_000);
      process.kill(layout.workers[0].pid, 'SIGKILL');
    };
    await Promise.all([faults(), load.run(3, 30)]);
    const { requests, retries } = load.stats();
    console.log(`[cluster] ${load.answered.financings.length} financings, ${requests} requests (${retries} retried)`);
    expect(load.answered.financings.length).toBeGreaterThanOrEqual(3);
    // the survivors carried on: the killed API is out of haproxy's rotation, the other serves
    expect((await fetch(`${layout.baseUrl}/health`)).status).toBe(200);
    expect(await fetch(`${layout.apis[0].url}/health`).catch(() => 'refused')).toBe('refused');
    await expectInvariants(layout.ownerUrl, load.answered);
  }, 240_000);
});

describe('npm run start:cluster stopped while it starts', () => {
  it('leaves neither the Temporal server nor PostgreSQL running when SIGINT comes before Temporal serves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'caravan-cluster-stop-'));
    await chmod(dir, 0o755);
    const env = { ...process.env, CARAVAN_CLUSTER_DIR: dir, CARAVAN_SEED: 'parties', PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    const script = spawnGroup(process.execPath, [join(root, 'dist/scripts/start-cluster.js')], {
      env,
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    try {
      // the Temporal server just spawned (PostgreSQL, which it needs, is up by then)
      let server: number | undefined;
      for (const deadline = Date.now() + 90_000; !(server = temporalServerUnder(script.pid!)); await sleep(20))
        if (Date.now() > deadline || script.exitCode !== null) throw new Error('the Temporal server never started');
      const postmaster = Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      // the script alone, as a supervisor's signal would (a terminal's Ctrl-C reaches the whole group)
      process.kill(script.pid!, 'SIGINT');
      await new Promise((done) => script.once('exit', done));
      for (const deadline = Date.now() + 15_000; (running(server) || running(postmaster)) && Date.now() < deadline;) await sleep(200);
      expect({ server: running(server), postmaster: running(postmaster) }).toEqual({ server: false, postmaster: false });
    } finally {
      await stopGroup(script, 5_000);
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** Running: a killed process not yet reaped by its new parent is a zombie (state Z), not running. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The pid of the Temporal server (.tools/temporal-server-<version>/server) that `parent` spawned, if any. */
function temporalServerUnder(parent: number): number | undefined {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === parent && /temporal-server-[^/]+\/server\0/.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** The desk's people signed in through the load balancer; each request may reach either API. */
async function remoteDesk(baseUrl: string): Promise<Desk> {
  const agent = async (email: string, password = DEMO_PASSWORD) => {
    const { token } = await new ApiClient(baseUrl).login(email, password);
    return request.agent(baseUrl).set('authorization', `Bearer ${token}`);
  };
  return {
    sme: await agent(PEOPLE.applicant),
    debtor: await agent(PEOPLE.payablesClerk),
    custodian: await agent(PEOPLE.custodian),
    maker: await agent(PEOPLE.creditOfficer),
    approverA: await agent(PEOPLE.approverA),
    approverB: await agent(PEOPLE.approverB),
    backOffice: await agent(PEOPLE.backOffice),
    treasury: await agent(PEOPLE.treasury),
    admin: await agent(DEMO_ADMIN.email, DEMO_ADMIN.password),
  };
}
