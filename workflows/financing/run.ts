import { allHandlersFinished, condition, proxyActivities } from '@temporalio/workflow';
import { BusinessClock } from '@caravan/clock/workflow';
import type {
  Act,
  Allocation,
  FinancingActivities,
  FinancingInput,
  FinancingStage,
  FinancingState,
  PaymentAct,
} from '@caravan/financing/workflow';
import type { DomainError } from '@caravan/errors';
import { approvalsNeeded, FinancingErrors } from '@caravan/financing/workflow';
import { toApplicationFailure } from '@caravan/temporal/workflow';
import { ENDED, nextStage, StageMove } from './stages';

// What every phase of one financing's run shares: its input, its state, the counters and
// dates carried across continue-as-new, and the few moves each phase makes (record a step,
// change the stage through the table, refuse a party's request).

export const acts = proxyActivities<FinancingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});
// Settlement is polled: the bank answers "pending" with a retryable failure until it settles.
export const settlement = proxyActivities<FinancingActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 1.5, maximumInterval: '5 seconds', maximumAttempts: 60 },
});

export const SYSTEM = 'system:financing-workflow';

/** State carried over continue-as-new once the loan is repaying. */
export interface Resume {
  state: FinancingState;
  seq: number;
  disbursedAtMs: number;
  startDate: string;
}

/** The workflow's signature, for continue-as-new (the phases do not import the workflow itself). */
export type FinancingWorkflow = (input: FinancingInput, resume?: Resume) => Promise<FinancingState>;

export interface FinancingRun {
  input: FinancingInput;
  state: FinancingState;
  /** The last timeline step's number. */
  seq: number;
  disbursedAtMs: number;
  /** The schedule's start, the business date of disbursement. */
  startDate: string;
  /** Payments waiting to be allocated, and the allocation (or none) of each reference taken. */
  payments: PaymentAct[];
  allocations: Map<string, Allocation | null>;
  securedByGoods: boolean;
  /** Goods were released or added: the cover is checked again at once. */
  recheckCollateral: boolean;
  ended(): boolean;
  move(to: StageMove): FinancingStage;
  record(step: string, actor: string, detail?: Record<string, unknown>): Promise<void>;
  expectStage(...stages: FinancingStage[]): void;
}

export function newRun(input: FinancingInput, resume?: Resume): FinancingRun {
  const state: FinancingState = resume?.state ?? {
    stage: 'ELIGIBILITY',
    approvals: [],
    approvalsNeeded: approvalsNeeded(input.amount, input.tiers),
  };
  const run: FinancingRun = {
    input,
    state,
    seq: resume?.seq ?? 0,
    disbursedAtMs: resume?.disbursedAtMs ?? 0,
    startDate: resume?.startDate ?? '',
    payments: [],
    allocations: new Map(),
    securedByGoods: input.assetType === 'WAREHOUSE_RECEIPT',
    recheckCollateral: false,
    ended: () => ENDED.includes(state.stage),
    move: (to) => (state.stage = nextStage(state.stage, to)),
    record: (step, actor, detail = {}) =>
      acts.recordEvent({ financingId: input.financingId, bankId: input.bankId, seq: ++run.seq, step, actor, detail, state }),
    expectStage: (...stages) => {
      if (!stages.includes(state.stage)) refuse(FinancingErrors.NOT_AT_THIS_STEP(`the financing is ${state.stage}`));
    },
  };
  return run;
}

/** Refuses an update with a catalogued code; the caller hears it as that DomainError. */
export function refuse(error: DomainError): never {
  throw toApplicationFailure(error);
}

export function expectOrg(act: Act, organisationId: string): void {
  if (act.organisationId !== organisationId) refuse(FinancingErrors.NOT_YOURS('this step belongs to another party'));
}

/** The business date in workflow time (deterministic); in UTC for a financing started without a time zone, as it always did. */
export function today(run: FinancingRun): string {
  return new BusinessClock(run.input.timeZone ?? 'UTC').today();
}

/** Nobody waits any more; the handlers under way finish before the run ends. */
export async function finish(run: FinancingRun): Promise<FinancingState> {
  run.state.waitingFor = undefined;
  await condition(allHandlersFinished);
  return run.state;
}
