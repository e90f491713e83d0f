import { BusinessClock } from '@caravan/clock';
import { addDays } from '@caravan/financing';
import { ApiClient } from '../api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoParties } from '../demo-data';
import { prepareBenchBank } from './financings';

/**
 * A steady load of financings, each from registration to closure, by clients that keep trying
 * through outages as a real one would (same Idempotency-Key); and what must hold afterwards.
 * The fault test (test/chaos) and the cluster test check what holds afterwards; the bench's
 * cluster step counts how many closed per second.
 */
const PAST_THE_STEP = [
  'FINANCING.NOT_AT_THIS_STEP',
  'FINANCING.ALREADY_APPROVED_BY_YOU',
  'RECEIVABLE.NOT_AWAITING_CONFIRMATION',
  'RECEIVABLE.ALREADY_DECIDED',
  'RECEIVABLE.ILLEGAL_TRANSITION',
  'DUAL_CONTROL.NOT_PENDING',
  'DUAL_CONTROL.ALREADY_PENDING',
];

export interface Answered {
  receivables: string[];
  financings: Array<{ id: string; ref: string }>;
  payments: string[];
}

export interface FinancingLoad {
  answered: Answered;
  stats: () => { requests: number; retries: number; closed: number };
  /** Runs lanes of whole financings until `seconds` after the first lane started. */
  run(lanes: number, seconds: number): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The load's clients, its counts and what the API answered, shared by its lanes. */
interface Load {
  baseUrl: string;
  parties: DemoParties;
  label: string;
  desk: Desk;
  counts: { requests: number; retries: number; closed: number };
  answered: Answered;
  /** The invoices' due date, in the business calendar. */
  due: string;
}

interface Desk {
  sme: string;
  buyer: string;
  officer: string;
  approver: string;
  treasury: string;
  backOffice: string;
}

/** The desk's people signed in (their tokens), and the bank prepared for them (policy, limits). */
async function signIn(baseUrl: string, parties: DemoParties): Promise<Desk> {
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
  return { sme, buyer, officer, approver, treasury, backOffice };
}

/** A client that keeps trying through outages (a network error, a 5xx), with the same Idempotency-Key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each lane reads the fields it needs
async function call(load: Load, token: string, method: string, path: string, body?: unknown, key?: string): Promise<any> {
  for (let attempt = 0; ; attempt++) {
    load.counts.requests += 1;
    const answer = await new ApiClient(load.baseUrl, token)
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
    load.counts.retries += 1;
    await sleep(250);
  }
}

async function waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (await done()) return;
    await sleep(250);
  }
  throw new Error(`${what} never happened`);
}

const reach = (load: Load, id: string, stage: string) =>
  waitFor(`${id} reaching ${stage}`, async () => {
    const now = (await call(load, load.desk.sme, 'GET', `/financings/${id}`)).stage as string;
    if (['INELIGIBLE', 'REJECTED', 'EXPIRED', 'DISBURSEMENT_FAILED'].includes(now)) throw new Error(`${id} ended ${now}, not ${stage}`);
    return now === stage;
  });

// After a lost answer the retry may hear "past that step" while the confirmation's own
// write still waits for a worker: the lane waits for the receivable as a client would.
const confirmed = (load: Load, id: string) =>
  waitFor(`${id} confirmed`, async () => (await call(load, load.desk.sme, 'GET', `/receivables/${id}`)).status === 'CONFIRMED');

/** The back office records the buyer's payment by hand, treasury approves it: two people, each retrying as clients do. */
async function pay(load: Load, financingId: string, reference: string, key: string): Promise<void> {
  const { backOffice, treasury } = load.desk;
  const subject = `${financingId}/${reference}`;
  // a lost answer whose key was taken over finds the request already made: it is the pending one of this payment
  const asked =
    (await call(load, backOffice, 'POST', `/financings/${financingId}/payments`, { reference, amount: '100000.00' }, key)) ??
    (await call(load, treasury, 'GET', `/approval-requests?kind=financing.payment&subject=${encodeURIComponent(subject)}&limit=5`))
      .items[0];
  await call(load, treasury, 'POST', `/approval-requests/${asked.id}/approve`, {}, `${key}-approve`);
}

/** The `i`th financing of the load, from its receivable's registration to its closure. */
async function oneFinancing(load: Load, i: number): Promise<void> {
  const { label, parties, answered } = load;
  const { sme, buyer, officer, approver } = load.desk;
  const invoice = {
    debtorId: parties.powerGroup,
    invoiceNumber: `${label}-${i}`,
    issueDate: '2026-11-01',
    dueDate: load.due,
    amount: '100000.00',
  };
  const receivable = await call(load, sme, 'POST', '/receivables', invoice, `${label}-r-${i}`);
  answered.receivables.push(receivable.id);
  await call(load, sme, 'POST', `/receivables/${receivable.id}/submit`, undefined, `${label}-s-${i}`);
  await call(load, buyer, 'POST', `/receivables/${receivable.id}/confirm`, {}, `${label}-c-${i}`);
  await confirmed(load, receivable.id);
  const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable.id, bankId: parties.bank, amount: '80000.00' };
  const { quoteId } = await call(load, sme, 'POST', '/financings/trial', application, `${label}-q-${i}`);
  const financing = await call(load, sme, 'POST', '/financings', { ...application, quoteId }, `${label}-f-${i}`);
  answered.financings.push({ id: financing.id, ref: financing.ref });
  for (const [stage, token, action, key] of [
    ['AWAITING_COUNTERPARTY', buyer, 'acknowledge', `${label}-a-${i}`],
    ['AWAITING_RECOMMENDATION', officer, 'recommend', `${label}-m-${i}`],
    ['AWAITING_APPROVAL', approver, 'approve', `${label}-k-${i}`],
    ['AWAITING_ACCEPTANCE', sme, 'accept', `${label}-x-${i}`],
  ]) {
    await reach(load, financing.id, stage);
    await call(load, token, 'POST', `/financings/${financing.id}/${action}`, {}, key);
  }
  await reach(load, financing.id, 'REPAYING');
  await pay(load, financing.id, `${label}-PAY-${i}`, `${label}-p-${i}`);
  answered.payments.push(`${label}-PAY-${i}`);
  await reach(load, financing.id, 'CLOSED');
  load.counts.closed += 1;
}

/** Signs the desk's people in, prepares the bank (policy, limits) and returns the load; `label` keeps its invoices and keys apart from another load's. */
export async function financingLoad(baseUrl: string, parties: DemoParties, label = 'LOAD'): Promise<FinancingLoad> {
  const desk = await signIn(baseUrl, parties);
  // two months on by the business calendar (this process's timezone may be a day off the API's: no matter so far ahead)
  const due = addDays(new BusinessClock(process.env.BUSINESS_TIMEZONE ?? 'Asia/Shanghai').today(), 60);
  const load: Load = {
    baseUrl,
    parties,
    label,
    desk,
    due,
    counts: { requests: 0, retries: 0, closed: 0 },
    answered: { receivables: [], financings: [], payments: [] },
  };
  let n = 0;
  return {
    answered: load.answered,
    stats: () => ({ ...load.counts }),
    async run(lanes, seconds) {
      const started = Date.now();
      const lane = async () => {
        while (Date.now() - started < seconds * 1000) await oneFinancing(load, n++);
      };
      await Promise.all(Array.from({ length: lanes }, lane));
    },
  };
}
