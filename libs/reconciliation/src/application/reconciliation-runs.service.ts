import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client, ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOptions, ScheduleOverlapPolicy } from '@temporalio/client';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { AppConfig } from '@caravan/config';
import { ScopedDatabase } from '@caravan/database';
import { DomainError } from '@caravan/errors';
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
import { AUTOMATIC_LINES } from './matching.service';

/** Lines a batch goes through: big enough to amortise a round trip, small enough to commit quickly. */
export const RECONCILIATION_BATCH = 5000;

export interface ReportRow {
  account: string;
  day: string;
  currency: string;
  matchedCount: number;
  matchedSum: string;
  unmatchedCount: number;
  unmatchedSum: string;
  writtenOffCount: number;
  writtenOffSum: string;
  /** The account's balance at the day's end as the bank shows it (credits positive). */
  bankBalance: string;
  /** The mapped ledger account's balance at the day's end (debits positive); null when unmapped. */
  ledgerAccount: string | null;
  ledgerBalance: string | null;
  difference: string | null;
}

export interface BankAccount {
  account: string;
  ledgerAccount: string;
  currency: string;
}

/** The bank a run works for, acting by itself: what its trail and decisions name. */
export const reconciliationActor = (bankId: string) => systemActor('system:reconciliation-workflow', bankId);

const RUN_COLUMNS = `id, trigger, status, total, processed, matched, suggested, started_at AS "startedAt", finished_at AS "finishedAt", started_by AS "startedBy"`;

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
    await this.temporal.schedule.getHandle(LEGACY_DAILY_SCHEDULE).delete().catch((e: unknown) => {
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
        args: [{ trigger: 'SCHEDULE', startedBy: 'system:daily-reconciliation', batchSize: RECONCILIATION_BATCH, bankId } satisfies ReconciliationInput],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '3 days' },
    };
    try {
      await this.temporal.schedule.create(options);
    } catch (e) {
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      await this.temporal.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
    }
  }

  /** An on-demand run of the caller's bank: recorded first, so its progress can be read as soon as it is answered. */
  async start(actor: Actor, batchSize = RECONCILIATION_BATCH): Promise<ReconciliationRun> {
    const id = randomUUID();
    const bankId = actor.organisationId;
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      await this.beginWithin(em, id, 'ON_DEMAND', actor.email);
      await this.audit.record(em, { actor, action: 'reconciliation.start', entityType: 'reconciliation-run', entityId: id, after: { batchSize } });
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
    return this.db.transaction(dataScopeOf(reconciliationActor(bankId)), (em) => this.beginWithin(em, id, trigger, startedBy));
  }

  private async beginWithin(em: EntityManager, id: string, trigger: ReconciliationRun['trigger'], startedBy: string): Promise<void> {
    await em.query(
      `INSERT INTO reconciliation_runs (id, trigger, status, total, started_by)
       SELECT $1, $2, 'RUNNING', count(*), $3 FROM statement_lines l WHERE ${AUTOMATIC_LINES}
       ON CONFLICT (id) DO NOTHING`,
      [id, trigger, startedBy],
    );
  }

  async end(bankId: string, id: string, status: 'DONE' | 'FAILED'): Promise<ReconciliationRun> {
    const bank = reconciliationActor(bankId);
    await this.db.transaction(dataScopeOf(bank), (em) => em.query(`UPDATE reconciliation_runs SET status = $2, finished_at = now() WHERE id = $1 AND status = 'RUNNING'`, [id, status]));
    return this.get(bank, id);
  }

  async get(actor: Actor, id: string): Promise<ReconciliationRun> {
    const [run] = await this.db.transaction(dataScopeOf(actor), (em) => em.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs WHERE id = $1`, [id]));
    if (!run) throw new DomainError('RECONCILIATION.RUN_NOT_FOUND', `no reconciliation run ${id}`, 'not_found');
    return run;
  }

  async list(actor: Actor, limit: number, offset: number): Promise<[ReconciliationRun[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const [{ total }] = await em.query('SELECT count(*)::int AS total FROM reconciliation_runs');
      return [await em.query(`SELECT ${RUN_COLUMNS} FROM reconciliation_runs ORDER BY started_at DESC, id LIMIT $1 OFFSET $2`, [limit, offset]), total];
    });
  }

  /** The caller's bank registers an account: which ledger account its statements reconcile against. */
  async mapAccount(actor: Actor, account: string, ledgerAccount: string, currency: string): Promise<BankAccount> {
    await this.db.transaction(dataScopeOf(actor), async (em) => {
      const [before] = await em.query('SELECT ledger_account AS "ledgerAccount", currency FROM bank_accounts WHERE account = $1', [account]);
      await em.query(
        `INSERT INTO bank_accounts (account, ledger_account, currency, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (bank_id, account) DO UPDATE SET ledger_account = EXCLUDED.ledger_account, currency = EXCLUDED.currency, updated_by = EXCLUDED.updated_by, updated_at = now()`,
        [account, ledgerAccount, currency, actor.userId],
      );
      await this.audit.record(em, { actor, action: 'bank-account.map', entityType: 'bank-account', entityId: account, before: before ?? null, after: { ledgerAccount, currency } });
    });
    await this.ensureDailySchedule(actor.organisationId);
    return { account, ledgerAccount, currency };
  }

  async accounts(actor: Actor): Promise<BankAccount[]> {
    return this.db.transaction(dataScopeOf(actor), (em) =>
      em.query('SELECT account, ledger_account AS "ledgerAccount", currency FROM bank_accounts ORDER BY account'),
    );
  }

  /**
   * Per account and booking day: matched, unmatched and written-off lines (counts and signed
   * sums), the bank's balance at the day's end (the first statement's opening balance plus
   * every line booked so far), the mapped ledger account's balance from what was posted by
   * then (in the reconciliation time zone), and the difference, ledger less bank.
   */
  async report(actor: Actor, from: string, to: string, account?: string): Promise<ReportRow[]> {
    return this.db.transaction(dataScopeOf(actor), (em) => em.query(
      `WITH days AS (
         SELECT account, currency, coalesce(booking_date, value_date) AS day,
                count(*) FILTER (WHERE match_status = 'MATCHED')::int AS matched_count,
                coalesce(sum(signed) FILTER (WHERE match_status = 'MATCHED'), 0) AS matched_sum,
                count(*) FILTER (WHERE match_status = 'UNMATCHED')::int AS unmatched_count,
                coalesce(sum(signed) FILTER (WHERE match_status = 'UNMATCHED'), 0) AS unmatched_sum,
                count(*) FILTER (WHERE match_status = 'WRITTEN_OFF')::int AS written_off_count,
                coalesce(sum(signed) FILTER (WHERE match_status = 'WRITTEN_OFF'), 0) AS written_off_sum,
                sum(signed) AS net
           FROM (SELECT *, CASE WHEN direction = 'CRDT' THEN amount ELSE -amount END AS signed FROM statement_lines
                  WHERE ($3::text IS NULL OR account = $3) AND coalesce(booking_date, value_date) <= $2::date) l
          GROUP BY account, currency, day),
       running AS (
         SELECT d.*, coalesce((SELECT s.opening_balance FROM bank_statements s WHERE s.account = d.account AND s.opening_balance IS NOT NULL
                                ORDER BY s.period_from NULLS LAST, s.imported_at LIMIT 1), 0)
                     + sum(d.net) OVER (PARTITION BY d.account, d.currency ORDER BY d.day) AS bank_balance
           FROM days d),
       booked AS (
         SELECT r.*, b.ledger_account,
                CASE WHEN b.ledger_account IS NOT NULL THEN
                  (SELECT coalesce(sum(jl.debit - jl.credit), 0) FROM journal_lines jl JOIN journal_entries je ON je.id = jl.entry_id
                    WHERE jl.account_code = b.ledger_account AND je.currency = r.currency AND (je.posted_at AT TIME ZONE $4)::date <= r.day)
                END AS ledger_balance
           FROM running r LEFT JOIN bank_accounts b ON b.account = r.account
          WHERE r.day >= $1::date)
       SELECT account, to_char(day, 'YYYY-MM-DD') AS day, currency,
              matched_count AS "matchedCount", matched_sum::numeric(20, 2)::text AS "matchedSum",
              unmatched_count AS "unmatchedCount", unmatched_sum::numeric(20, 2)::text AS "unmatchedSum",
              written_off_count AS "writtenOffCount", written_off_sum::numeric(20, 2)::text AS "writtenOffSum",
              bank_balance::numeric(20, 2)::text AS "bankBalance", ledger_account AS "ledgerAccount",
              ledger_balance::numeric(20, 2)::text AS "ledgerBalance", (ledger_balance - bank_balance)::numeric(20, 2)::text AS difference
         FROM booked ORDER BY account, day`,
      [from, to, account ?? null, this.config.BUSINESS_TIMEZONE],
    ));
  }
}
