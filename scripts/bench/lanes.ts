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

/** Signs the desk's people in, prepares the bank (policy, limits) and returns the load; `label` keeps its invoices and keys apart from another load's. */
export async function financingLoad(baseUrl: string, parties: DemoParties, label = 'LOAD'): Promise<FinancingLoad> {
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
  const counts = { requests: 0, retries: 0, closed: 0 };
  const answered: Answered = { receivables: [], financings: [], payments: [] };

  /** A client that keeps trying through outages (a network error, a 5xx), with the same Idempotency-Key. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each lane reads the fields it needs
  const call = async (token: string, method: string, path: string, body?: unknown, key?: string): Promise<any> => {
    for (let attempt = 0; ; attempt++) {
      counts.requests += 1;
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
      counts.retries += 1;
      await sleep(250);
    }
  };
  const waitFor = async (what: string, done: () => Promise<boolean>) => {
    for (let i = 0; i < 1200; i++) {
      if (await done()) return;
      await sleep(250);
    }
    throw new Error(`${what} never happened`);
  };
  const reach = (id: string, stage: string) =>
    waitFor(`${id} reaching ${stage}`, async () => {
      const now = (await call(sme, 'GET', `/financings/${id}`)).stage as string;
      if (['INELIGIBLE', 'REJECTED', 'EXPIRED', 'DISBURSEMENT_FAILED'].includes(now)) throw new Error(`${id} ended ${now}, not ${stage}`);
      return now === stage;
    });
  // After a lost answer the retry may hear "past that step" while the confirmation's own
  // write still waits for a worker: the lane waits for the receivable as a client would.
  const confirmed = (id: string) =>
    waitFor(`${id} confirmed`, async () => (await call(sme, 'GET', `/receivables/${id}`)).status === 'CONFIRMED');

  /** The back office records the buyer's payment by hand, treasury approves it: two people, each retrying as clients do. */
  const pay = async (financingId: string, reference: string, key: string) => {
    const subject = `${financingId}/${reference}`;
    // a lost answer whose key was taken over finds the request already made: it is the pending one of this payment
    const asked =
      (await call(backOffice, 'POST', `/financings/${financingId}/payments`, { reference, amount: '100000.00' }, key)) ??
      (await call(treasury, 'GET', `/approval-requests?kind=financing.payment&subject=${encodeURIComponent(subject)}&limit=5`)).items[0];
    await call(treasury, 'POST', `/approval-requests/${asked.id}/approve`, {}, `${key}-approve`);
  };

  const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  let n = 0;
  const oneFinancing = async () => {
    const i = n++;
    const receivable = await call(
      sme,
      'POST',
      '/receivables',
      { debtorId: parties.powerGroup, invoiceNumber: `${label}-${i}`, issueDate: '2026-11-01', dueDate: due, amount: '100000.00' },
      `${label}-r-${i}`,
    );
    answered.receivables.push(receivable.id);
    await call(sme, 'POST', `/receivables/${receivable.id}/submit`, undefined, `${label}-s-${i}`);
    await call(buyer, 'POST', `/receivables/${receivable.id}/confirm`, {}, `${label}-c-${i}`);
    await confirmed(receivable.id);
    const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable.id, bankId: parties.bank, amount: '80000.00' };
    const { quoteId } = await call(sme, 'POST', '/financings/trial', application, `${label}-q-${i}`);
    const financing = await call(sme, 'POST', '/financings', { ...application, quoteId }, `${label}-f-${i}`);
    answered.financings.push({ id: financing.id, ref: financing.ref });
    for (const [stage, token, action, key] of [
      ['AWAITING_COUNTERPARTY', buyer, 'acknowledge', `${label}-a-${i}`],
      ['AWAITING_RECOMMENDATION', officer, 'recommend', `${label}-m-${i}`],
      ['AWAITING_APPROVAL', approver, 'approve', `${label}-k-${i}`],
      ['AWAITING_ACCEPTANCE', sme, 'accept', `${label}-x-${i}`],
    ]) {
      await reach(financing.id, stage);
      await call(token, 'POST', `/financings/${financing.id}/${action}`, {}, key);
    }
    await reach(financing.id, 'REPAYING');
    await pay(financing.id, `${label}-PAY-${i}`, `${label}-p-${i}`);
    answered.payments.push(`${label}-PAY-${i}`);
    await reach(financing.id, 'CLOSED');
    counts.closed += 1;
  };
  return {
    answered,
    stats: () => ({ ...counts }),
    async run(lanes, seconds) {
      const started = Date.now();
      const lane = async () => {
        while (Date.now() - started < seconds * 1000) await oneFinancing();
      };
      await Promise.all(Array.from({ length: lanes }, lane));
    },
  };
}
