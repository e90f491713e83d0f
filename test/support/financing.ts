import { DEFAULT_POLICY } from '@caravan/financing';
import { DEMO_ADMIN } from '../../scripts/demo-data';
import type { AppConfig } from '@caravan/config';
import { PEOPLE, startApi, TestApi, TokenAgent } from './api';
import { receivableBody } from './receivables';
import { eventually, isolatedConfig } from './stack';

/** Test financings run on a short business day (FINANCING_DAY_MS); deadlines here are in days. */
export const DAY_MS = 200;

export function isoDaysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export interface Desk {
  sme: TokenAgent;
  debtor: TokenAgent;
  custodian: TokenAgent;
  maker: TokenAgent;
  approverA: TokenAgent;
  approverB: TokenAgent;
  backOffice: TokenAgent;
  treasury: TokenAgent;
  admin: TokenAgent;
}

export async function desk(api: TestApi): Promise<Desk> {
  return {
    sme: await api.as(PEOPLE.applicant),
    debtor: await api.as(PEOPLE.payablesClerk),
    custodian: await api.as(PEOPLE.custodian),
    maker: await api.as(PEOPLE.creditOfficer),
    approverA: await api.as(PEOPLE.approverA),
    approverB: await api.as(PEOPLE.approverB),
    backOffice: await api.as(PEOPLE.backOffice),
    treasury: await api.as(PEOPLE.treasury),
    admin: await api.as(DEMO_ADMIN.email, DEMO_ADMIN.password),
  };
}

/** Grace before penalty interest: 2 s of test time, so "on time" survives a busy machine. */
export const GRACE_DAYS = 10;

/** The default policy with deadlines and grace long enough for a test's steps, on short days. */
export const POLICY = {
  ...DEFAULT_POLICY,
  deadlines: { counterparty: 60, recommendation: 60, approval: 60, acceptance: 60, repaymentReminder: 3 },
  pricing: {
    RECEIVABLE_FINANCING: { ...DEFAULT_POLICY.pricing.RECEIVABLE_FINANCING, graceDays: GRACE_DAYS },
    WAREHOUSE_RECEIPT_LOAN: { ...DEFAULT_POLICY.pricing.WAREHOUSE_RECEIPT_LOAN, graceDays: GRACE_DAYS },
  },
};

/**
 * How an SME applies: the trial's quote, then the application with it (the terms it books).
 * The answer is the financing as applied.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the fields they assert on
export async function applyFor(agent: TokenAgent, application: object): Promise<any> {
  const trial = await agent.post('/financings/trial').send(application);
  if (trial.status !== 200) throw new Error(`trial: HTTP ${trial.status} ${JSON.stringify(trial.body)}`);
  return (
    await agent
      .post('/financings')
      .send({ ...application, quoteId: trial.body.quoteId })
      .expect(201)
  ).body;
}

/** A policy the credit officer proposes and an approver adopts: in force at once. */
export async function adoptPolicy(d: Desk, policy: object): Promise<void> {
  const proposed = await d.maker.post('/financing-policy/proposals').send(policy);
  if (proposed.status !== 202) throw new Error(`proposing the policy: ${JSON.stringify(proposed.body)}`);
  await d.approverA.post(`/approval-requests/${proposed.body.id}/approve`).send({}).expect(200);
}

/**
 * A payment recorded by hand: the back office records it, treasury (a second person) approves,
 * and the financing allocates it; the allocation, or the refusal, comes back.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the fields they assert on
export async function recordPayment(d: Desk, id: string, reference: string, amount: string): Promise<{ status: string; result: any }> {
  const request = (await d.backOffice.post(`/financings/${id}/payments`).send({ reference, amount }).expect(202)).body;
  return (await d.treasury.post(`/approval-requests/${request.id}/approve`).send({}).expect(200)).body;
}

/** The bank's policy and generous limits, so each test only meets the limits it means to. */
export async function prepareBank(api: TestApi, d: Desk): Promise<void> {
  await adoptPolicy(d, POLICY);
  for (const limit of [
    { kind: 'SME', subject: api.parties.hami, amount: '900000000.00' },
    { kind: 'CORE_ENTERPRISE', subject: api.parties.powerGroup, amount: '900000000.00' },
    { kind: 'COMMODITY_CONCENTRATION', subject: 'COAL-5500', amount: '900000000.00' },
  ]) {
    await d.maker.post('/credit-limits').send(limit).expect(201);
  }
}

export async function confirmedReceivable(api: TestApi, d: Desk, amount: string, dueInDays: number): Promise<string> {
  const body = receivableBody(api.parties.powerGroup, { amount, issueDate: isoDaysFromToday(-10), dueDate: isoDaysFromToday(dueInDays) });
  const { id } = (await d.sme.post('/receivables').send(body).expect(201)).body;
  await d.sme.post(`/receivables/${id}/submit`).expect(200);
  await d.debtor.post(`/receivables/${id}/confirm`).send({}).expect(200);
  return id;
}

export async function stageOf(d: Desk, id: string): Promise<string> {
  return (await d.sme.get(`/financings/${id}`).expect(200)).body.stage;
}

export function reaches(d: Desk, id: string, stage: string, timeoutMs = 60_000): Promise<true> {
  return eventually(async () => ((await stageOf(d, id)) === stage ? true : undefined), `stage ${stage}`, timeoutMs);
}

export async function timeline(
  d: Desk,
  id: string,
): Promise<Array<{ step: string; actor: { kind: string; name?: string; role?: string } }>> {
  return (await d.sme.get(`/financings/${id}/timeline`).expect(200)).body;
}

/** Counterparty, maker, checker(s), the SME's acceptance: the human path to disbursement. */
export async function approveAndAccept(
  d: Desk,
  id: string,
  checkers: TokenAgent[] = [d.approverA],
  counterparty: TokenAgent = d.debtor,
): Promise<void> {
  await reaches(d, id, 'AWAITING_COUNTERPARTY');
  await counterparty.post(`/financings/${id}/acknowledge`).send({ comment: 'assignment notice received' }).expect(200);
  await reaches(d, id, 'AWAITING_RECOMMENDATION');
  await d.maker.post(`/financings/${id}/recommend`).send({ comment: 'good buyer' }).expect(200);
  await reaches(d, id, 'AWAITING_APPROVAL');
  for (const checker of checkers) await checker.post(`/financings/${id}/approve`).send({}).expect(200);
  await reaches(d, id, 'AWAITING_ACCEPTANCE');
  await d.sme.post(`/financings/${id}/accept`).send({}).expect(200);
}

export interface FinancingStack {
  config: AppConfig;
  api: TestApi;
  desk: Desk;
  stop(): Promise<void>;
}

/** A test file's own stack for financings: short business days, the bank prepared. */
export async function startFinancingStack(label: string, overrides: Partial<AppConfig> = {}): Promise<FinancingStack> {
  const config = Object.assign(await isolatedConfig(label), { FINANCING_DAY_MS: DAY_MS }, overrides);
  const api = await startApi(config);
  const d = await desk(api);
  await prepareBank(api, d);
  return { config, api, desk: d, stop: () => api.close() };
}
