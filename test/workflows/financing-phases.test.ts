import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { msToTs } from '@temporalio/common/lib/time';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  acceptUpdate,
  acknowledgeUpdate,
  addDays,
  DEFAULT_POLICY,
  FINANCING_WORKFLOW,
  FinancingInput,
  FinancingState,
  financingStateQuery,
  paymentUpdate,
  withdrawUpdate,
} from '@caravan/financing';
import { STACK_ENV } from '../support/stack-env';

/**
 * The financing workflow's phases on their own: the real workflow bundle on the run's
 * Temporal server, its activities stubbed (no database, no bank), business days of 50 ms, so
 * deadlines, escalation, expiry, overdue, margin calls and a failed disbursement's
 * compensation each take a second or two.
 */
const SME = randomUUID();
const BANK = randomUUID();
const BUYER = randomUUID();
const DAY_MS = 50;
const today = new Date().toISOString().slice(0, 10); // the workflows below run in UTC

describe('the financing workflow’s phases, activities stubbed', () => {
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = `phases-${randomUUID()}`;
  const namespace = `t-phases-${randomUUID().slice(0, 8)}`;
  /** What the stubs were asked, per financing: its timeline steps and the money calls. */
  const steps = new Map<string, string[]>();
  const calls = new Map<string, string[]>();
  /** The state each step was recorded with (the financing's detail reads it), the last per step. */
  const recorded = new Map<string, FinancingState>();
  const note = (map: Map<string, string[]>, id: string, what: string) => map.set(id, [...(map.get(id) ?? []), what]);
  const stub = {
    eligibilityGate: undefined as Promise<void> | undefined,
    failPayments: false,
    collateralValue: '2000000.00',
    /** While set, valuing the goods waits for it; `valuing` resolves when a valuation has begun. */
    valuationGate: undefined as Promise<void> | undefined,
    valuing: undefined as (() => void) | undefined,
  };

  const activities = {
    async checkEligibility() {
      await stub.eligibilityGate;
      return { eligible: true };
    },
    async recordEvent(e: { financingId: string; step: string; state: FinancingState }) {
      note(steps, e.financingId, e.step);
      recorded.set(`${e.financingId}/${e.step}`, e.state);
    },
    async reserveLimit(i: { financingId: string }) {
      note(calls, i.financingId, 'reserveLimit');
    },
    async releaseLimitTo(i: { financingId: string }) {
      note(calls, i.financingId, 'releaseLimitTo');
    },
    async registerPledge(i: { financingId: string }) {
      note(calls, i.financingId, 'registerPledge');
    },
    async dischargePledge(i: { financingId: string }) {
      note(calls, i.financingId, 'dischargePledge');
    },
    async postLedger(i: { key: string; kind: string }) {
      note(calls, i.key.split('/')[0], `postLedger:${i.kind}`);
    },
    async reverseLedger(i: { key: string }) {
      note(calls, i.key.split('/')[0], 'reverseLedger');
    },
    async instructPayment(i: { instructionId: string }) {
      note(calls, i.instructionId.split('/')[0], `instructPayment:${i.instructionId.split('/')[1]}`);
      if (stub.failPayments) throw ApplicationFailure.nonRetryable('the bank refused the payment', 'PAYMENT.FAILED');
    },
    async awaitSettlement() {},
    async collateralValue() {
      stub.valuing?.();
      await stub.valuationGate;
      return stub.collateralValue;
    },
    async releaseCollateral() {},
  };

  beforeAll(async () => {
    const address = process.env[STACK_ENV.temporalAddress]!;
    const connection = await Connection.connect({ address });
    await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('1 day') });
    client = new Client({ connection, namespace });
    worker = await Worker.create({
      connection: await NativeConnection.connect({ address }),
      namespace,
      taskQueue,
      workflowBundle: { codePath: resolve(__dirname, '../../dist/workflow-bundle.js') },
      activities,
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await client?.connection.close();
  });

  /** A financing of 800,000.00 against a receivable due in 30 days; one approval, unless told otherwise. */
  async function start(overrides: Partial<FinancingInput> = {}): Promise<{ id: string; handle: WorkflowHandle }> {
    const ref = `RF-T-${randomUUID().slice(0, 8)}`;
    const input: FinancingInput = {
      financingId: ref,
      ref,
      product: 'RECEIVABLE_FINANCING',
      smeId: SME,
      bankId: BANK,
      counterpartyId: BUYER,
      assetType: 'RECEIVABLE',
      assetId: randomUUID(),
      amount: '800000.00',
      currency: 'CNY',
      terms: {
        ...DEFAULT_POLICY.pricing.RECEIVABLE_FINANCING,
        method: 'BULLET',
        instalments: 1,
        maturityDate: addDays(today, 30),
        maxFinancingRatio: '0.8',
        recourse: true,
      },
      tiers: [{ upTo: null, approvals: 0 }],
      limitSubjects: [],
      deadlines: { counterparty: 4, recommendation: 4, approval: 4, acceptance: 200, repaymentReminder: 1, marginCure: 2 },
      dayMs: DAY_MS,
      timeZone: 'UTC',
      ...overrides,
    };
    return { id: ref, handle: await client.workflow.start(FINANCING_WORKFLOW, { workflowId: ref, taskQueue, args: [input] }) };
  }

  const as = (organisationId: string) => ({ userId: randomUUID(), name: 'someone', organisationId });
  const stateOf = (handle: WorkflowHandle) => handle.query(financingStateQuery);
  async function until(handle: WorkflowHandle, check: (s: FinancingState) => boolean): Promise<FinancingState> {
    for (let i = 0; i < 300; i++) {
      const state = await stateOf(handle).catch(() => undefined);
      if (state && check(state)) return state;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`never reached: ${JSON.stringify(await stateOf(handle))}`);
  }

  it('reminds, escalates, then expires a step nobody takes', async () => {
    const { id, handle } = await start();
    const state = (await handle.result()) as FinancingState;
    expect(state).toMatchObject({ stage: 'EXPIRED', reason: 'counterparty not done in time' });
    expect(steps.get(id)).toEqual(['eligible', 'counterparty.awaited', 'counterparty.reminder', 'counterparty.escalated', 'expired']);
    expect(calls.get(id)).toBeUndefined(); // no money moved
  });

  it('goes straight through when no approval is needed, falls overdue, takes a payment, pays the surplus and closes', async () => {
    const { id, handle } = await start();
    await until(handle, (s) => s.stage === 'AWAITING_COUNTERPARTY');
    await handle.executeUpdate(acknowledgeUpdate, { args: [as(BUYER)] });
    await until(handle, (s) => s.stage === 'AWAITING_ACCEPTANCE');
    await handle.executeUpdate(acceptUpdate, { args: [as(SME)] });
    await until(handle, (s) => s.ageing !== undefined && s.ageing !== 'CURRENT'); // the due date and the grace passed
    const allocation = await handle.executeUpdate(paymentUpdate, { args: [{ reference: 'BNK-1', amount: '900000.00' }] });
    expect(allocation).toMatchObject({ amount: '900000.00' });
    // the allocation is recorded with the book it produced: nothing left owed (it used to show the loan unpaid)
    expect(recorded.get(`${id}/payment.allocated`)?.book).toMatchObject({
      outstanding: '0.00',
      due: { principal: '0.00', interest: '0.00' },
    });
    expect(((await handle.result()) as FinancingState).stage).toBe('CLOSED');
    expect(steps.get(id)).toEqual(
      expect.arrayContaining(['approved', 'disbursed', 'instalment.due', 'ageing', 'payment.allocated', 'closed']),
    );
    expect(calls.get(id)).toEqual(
      expect.arrayContaining([
        'reserveLimit',
        'registerPledge',
        'postLedger:disbursement',
        'instructPayment:disbursement',
        'postLedger:repayment',
        'instructPayment:surplus',
        'dischargePledge',
      ]),
    );
  });

  it('undoes a refused disbursement in reverse order, and says why', async () => {
    stub.failPayments = true;
    try {
      const { id, handle } = await start();
      await until(handle, (s) => s.stage === 'AWAITING_COUNTERPARTY');
      await handle.executeUpdate(acknowledgeUpdate, { args: [as(BUYER)] });
      await until(handle, (s) => s.stage === 'AWAITING_ACCEPTANCE');
      await handle.executeUpdate(acceptUpdate, { args: [as(SME)] });
      const state = (await handle.result()) as FinancingState;
      expect(state.stage).toBe('DISBURSEMENT_FAILED');
      expect(state.reason).toContain('PAYMENT.FAILED');
      expect(calls.get(id)).toEqual([
        'reserveLimit',
        'registerPledge',
        'postLedger:disbursement',
        'instructPayment:disbursement',
        'reverseLedger',
        'dischargePledge',
        'releaseLimitTo',
      ]);
    } finally {
      stub.failPayments = false;
    }
  });

  it('calls a margin when the goods lose value and cures it when they regain it', async () => {
    stub.collateralValue = '2000000.00';
    const loan = {
      ...DEFAULT_POLICY.pricing.WAREHOUSE_RECEIPT_LOAN,
      method: 'BULLET' as const,
      instalments: 1,
      maturityDate: addDays(today, 60),
      maxFinancingRatio: '0.7',
      maintenanceLtv: '0.8',
    };
    const { id, handle } = await start({ product: 'WAREHOUSE_RECEIPT_LOAN', assetType: 'WAREHOUSE_RECEIPT', terms: loan });
    await until(handle, (s) => s.stage === 'AWAITING_COUNTERPARTY');
    await handle.executeUpdate(acknowledgeUpdate, { args: [as(BUYER)] });
    await until(handle, (s) => s.stage === 'AWAITING_ACCEPTANCE');
    await handle.executeUpdate(acceptUpdate, { args: [as(SME)] });
    await until(handle, (s) => s.stage === 'REPAYING');
    stub.collateralValue = '900000.00'; // 800,000 against 900,000: 0.89, above the 0.8 line
    expect((await until(handle, (s) => s.marginCall?.status === 'OPEN')).marginCall).toMatchObject({ ltv: '0.8889' });
    stub.collateralValue = '2000000.00'; // back within the 0.7 line
    await until(handle, (s) => s.marginCall?.status === 'CURED');
    // the state says so a moment before its timeline step is recorded
    for (let i = 0; i < 200 && !steps.get(id)?.includes('margin.cured'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(steps.get(id)).toEqual(expect.arrayContaining(['margin.call', 'margin.cured']));
    await handle.terminate('the test is done with it');
  });

  it('allocates a payment that arrives just before the workflow continues as new (it used to wait for ever)', async () => {
    const loan = {
      ...DEFAULT_POLICY.pricing.WAREHOUSE_RECEIPT_LOAN,
      method: 'BULLET' as const,
      instalments: 1,
      maturityDate: addDays(today, 60),
      maxFinancingRatio: '0.7',
      maintenanceLtv: '0.8',
    };
    let open!: () => void;
    const valuing = new Promise<void>((r) => (stub.valuing = r));
    stub.valuationGate = new Promise((r) => (open = r));
    try {
      // every pass of the repayment loop ends by continuing as new
      const { handle } = await start({ product: 'WAREHOUSE_RECEIPT_LOAN', assetType: 'WAREHOUSE_RECEIPT', terms: loan, historyLimit: 1 });
      await until(handle, (s) => s.stage === 'AWAITING_COUNTERPARTY');
      await handle.executeUpdate(acknowledgeUpdate, { args: [as(BUYER)] });
      await until(handle, (s) => s.stage === 'AWAITING_ACCEPTANCE');
      await handle.executeUpdate(acceptUpdate, { args: [as(SME)] });
      await valuing; // the first pass is valuing the goods: the payment comes in meanwhile
      const payment = handle.executeUpdate(paymentUpdate, { args: [{ reference: 'BNK-CAN', amount: '1000.00' }] });
      await new Promise((r) => setTimeout(r, 500));
      open();
      const allocated = await Promise.race([payment, new Promise((r) => setTimeout(() => r('no answer in 15 s'), 15_000))]);
      expect(allocated).toMatchObject({ reference: 'BNK-CAN', amount: '1000.00' });
      await handle.terminate('the test is done with it');
    } finally {
      stub.valuationGate = undefined;
      stub.valuing = undefined;
    }
  });

  it('books the schedule from the start date the acceptance carries, due dates rolled over China’s working days', async () => {
    const rolled = { method: 'EQUAL_PRINCIPAL' as const, instalments: 2, dueDateRoll: 'FOLLOWING' as const };
    const { id, handle } = await start({ terms: { ...DEFAULT_POLICY.pricing.RECEIVABLE_FINANCING, maxFinancingRatio: '0.8', ...rolled } });
    await until(handle, (s) => s.stage === 'AWAITING_COUNTERPARTY');
    await handle.executeUpdate(acknowledgeUpdate, { args: [as(BUYER)] });
    await until(handle, (s) => s.stage === 'AWAITING_ACCEPTANCE');
    await handle.executeUpdate(acceptUpdate, { args: [{ ...as(SME), startDate: '2026-08-01' }] });
    const state = await until(handle, (s) => s.schedule !== undefined && s.stage !== 'AWAITING_ACCEPTANCE' && s.book !== undefined);
    // 1 September 2026 is a Tuesday; 1 October is National Day, the first working day after it 8 October
    expect(state.schedule!.lines.map((l) => [l.dueDate, l.days])).toEqual([
      ['2026-09-01', 31],
      ['2026-10-08', 37],
    ]);
    expect(recorded.get(`${id}/offer.accepted`)?.acceptedStartDate).toBe('2026-08-01');
    await handle.terminate('seen');
  });

  it('keeps withdrawn a financing the SME withdrew while its eligibility was being checked', async () => {
    let open!: () => void;
    stub.eligibilityGate = new Promise((r) => (open = r));
    try {
      const { id, handle } = await start();
      await until(handle, (s) => s.stage === 'ELIGIBILITY');
      await handle.executeUpdate(withdrawUpdate, { args: [{ ...as(SME), comment: 'found cheaper money' }] });
      open();
      const state = (await handle.result()) as FinancingState;
      expect(state).toMatchObject({ stage: 'WITHDRAWN', reason: 'found cheaper money' });
      expect(steps.get(id)).toEqual(['withdrawn']);
    } finally {
      stub.eligibilityGate = undefined;
    }
  });
});
