import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import { AuditLog } from '@caravan/audit';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { OrganisationDirectory } from '@caravan/identity';
import { Actor, dataScopeOf, OrganisationKind, systemActor } from '@caravan/access';
import {
  dailyScheduleId,
  LEGACY_DAILY_SCHEDULE,
  RECONCILIATION_WORKFLOW,
  ReconciliationInput,
  ReconciliationRun,
  reconciliationWorkflowId,
} from '../api/reconciliation.contract';
import type { StatementEncoding } from '../domain/parsers/encoding';
import {
  BankAccount,
  findBankAccount,
  findBankAccounts,
  findStatementEncoding,
  saveBankAccount,
  saveStatementEncoding,
} from '../infrastructure/bank-account.repository';
import { findReport, ReportRow } from '../infrastructure/reconciliation-report.repository';
import { findRun, findRuns, finishRun, insertRun } from '../infrastructure/reconciliation-run.repository';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

/** Lines a batch goes through: big enough to amortise a round trip, small enough to commit quickly. */
export const RECONCILIATION_BATCH = 5000;

/** The bank a run works for, acting by itself: what its trail and decisions name. */
export const reconciliationActor = (bankId: string) => systemActor('system:reconciliation-workflow', bankId);

/** Each bank's reconciliation runs (scheduled daily and on demand), their progress, and its daily report. */
@Injectable()
export class ReconciliationRunsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly audit: AuditLog,
    private readonly organisations: OrganisationDirectory,
  ) {}

  /**
   * Every bank's daily run, brought up to date with the config on the worker's start (and a
   * bank's own when it registers an account). One run at a time per bank (a run still going
   * when the next is due makes that one skip); runs missed while the cluster was down are
   * caught up for three days. The platform-wide schedule of before is removed.
   */
  async ensureDailySchedules(): Promise<void> {
    for (const bankId of await this.organisations.idsOfKind(OrganisationKind.BANK)) await this.ensureDailySchedule(bankId);
    await this.temporal.schedule
      .getHandle(LEGACY_DAILY_SCHEDULE)
      .delete()
      .catch((e: unknown) => {
        if (!(e instanceof ScheduleNotFoundError)) throw e;
      });
  }

  async ensureDailySchedule(bankId: string): Promise<void> {
    const scheduleId = dailyScheduleId(bankId);
    const options: ScheduleOptions = {
      scheduleId,
      spec: { cronExpressions: [this.config.RECONCILIATION_SCHEDULE], timezone: this.config.BUSINESS_TIMEZONE },
      action: {
        type: 'startWorkflow',
        workflowType: RECONCILIATION_WORKFLOW,
        workflowId: reconciliationWorkflowId(`daily-${bankId}`),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [
          {
            trigger: 'SCHEDULE',
            startedBy: 'system:daily-reconciliation',
            batchSize: RECONCILIATION_BATCH,
            bankId,
          } satisfies ReconciliationInput,
        ],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 days' },
    };
    try {
      await this.temporal.schedule.create(options);
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      await this.temporal.schedule
        .getHandle(scheduleId)
        .update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
    }
  }

  /** An on-demand run of the caller's bank: recorded first, so its progress can be read as soon as it is answered. */
  async start(actor: Actor, batchSize = RECONCILIATION_BATCH): Promise<ReconciliationRun> {
    const id = randomUUID();
    const bankId = actor.organisationId;
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await insertRun(em, id, 'ON_DEMAND', actor.email);
      await this.audit.record(em, {
        actor,
        action: 'reconciliation.start',
        entityType: 'reconciliation-run',
        entityId: id,
        after: { batchSize },
      });
    });
    await this.temporal.workflow.start(RECONCILIATION_WORKFLOW, {
      workflowId: reconciliationWorkflowId(id),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ trigger: 'ON_DEMAND', startedBy: actor.email, batchSize, bankId } satisfies ReconciliationInput],
    });
    return this.get(actor, id);
  }

  /** The run's row, with the number of the bank's lines it will go through; recorded once. */
  begin(bankId: string, id: string, trigger: ReconciliationRun['trigger'], startedBy: string): Promise<void> {
    return this.db.transaction(dataScopeOf(reconciliationActor(bankId)), (em) => insertRun(em, id, trigger, startedBy));
  }

  async end(bankId: string, id: string, status: 'DONE' | 'FAILED'): Promise<ReconciliationRun> {
    const bank = reconciliationActor(bankId);
    await this.db.transaction(dataScopeOf(bank), (em) => finishRun(em, id, status));
    return this.get(bank, id);
  }

  async get(actor: Actor, id: string): Promise<ReconciliationRun> {
    const run = await this.db.transaction(dataScopeOf(actor), (em) => findRun(em, id));
    if (!run) throw ReconciliationErrors.RUN_NOT_FOUND(`no reconciliation run ${id}`);
    return run;
  }

  async list(actor: Actor, limit: number, offset: number): Promise<[ReconciliationRun[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findRuns(em, limit, offset));
  }

  /** The caller's bank registers an account: which ledger account its statements reconcile against. */
  async mapAccount(
    actor: Actor,
    account: string,
    ledgerAccount: string,
    currency: string,
    name?: string,
    statementEncoding?: StatementEncoding,
  ): Promise<BankAccount> {
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      const before = await findBankAccount(em, account);
      const encodingBefore = before ? ((await findStatementEncoding(em, account)) ?? null) : undefined;
      await saveBankAccount(em, { account, ledgerAccount, currency, name: name ?? null }, actor.userId);
      await saveStatementEncoding(em, account, statementEncoding ?? null);
      await this.audit.record(em, {
        actor,
        action: 'bank-account.map',
        entityType: 'bank-account',
        entityId: account,
        before: before ? { ...before, statementEncoding: encodingBefore } : null,
        after: { ledgerAccount, currency, name: name ?? null, statementEncoding: statementEncoding ?? null },
      });
    });
    await this.ensureDailySchedule(actor.organisationId);
    return { account, ledgerAccount, currency, name: name ?? null, statementEncoding: statementEncoding ?? null };
  }

  async accounts(actor: Actor): Promise<BankAccount[]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findBankAccounts(em));
  }

  /**
   * Per account and booking day: matched, unmatched and written-off lines (counts and signed
   * sums), the bank's balance at the day's end (the first statement's opening balance plus
   * every line booked so far), the mapped ledger account's balance from what was posted by
   * then (in the reconciliation time zone), and the difference, ledger less bank.
   */
  async report(actor: Actor, from: string, to: string, account?: string): Promise<ReportRow[]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findReport(em, from, to, account ?? null, this.config.BUSINESS_TIMEZONE));
  }
}
