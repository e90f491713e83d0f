import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { ScopedDatabase } from '@caravan/database';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { Actor, actorName, dataScopeOf, Role } from '@caravan/access';
import type { Draft } from '../domain/matching';
import { ReconciliationErrors } from '../domain/reconciliation.errors';
import type { StatementRule } from '../domain/statement-rules';
import { findBankAccount } from '../infrastructure/bank-account.repository';
import { findRuleHits, findRules, insertRule } from '../infrastructure/statement-rule.repository';
import { AccountPostingsService } from './account-postings.service';

export const STATEMENT_RULE = 'reconciliation.statement-rule';

export type RuleRequest = Omit<StatementRule, 'id'>;

/**
 * A bank account's standing rules for what is not a loan's money (its bank's charges,
 * interest it earns): a back-office person proposes one, another (or treasury) approves it,
 * and from then on each run explains and books the lines it fits.
 */
@Injectable()
export class StatementRulesService implements OnModuleInit {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly audit: AuditLog,
    private readonly dualControl: DualControl,
    private readonly postings: AccountPostingsService,
  ) {}

  onModuleInit(): void {
    this.dualControl.register({
      kind: STATEMENT_RULE,
      makers: [Role.BACK_OFFICE],
      checkers: [Role.BACK_OFFICE, Role.TREASURY],
      apply: (em, request: DualControlRequest<StatementRule>, checker) => this.add(em, request, checker),
    });
  }

  /** Proposes a rule for an account of the caller's bank; it applies once a second person approves. */
  async request(actor: Actor, rule: RuleRequest, reason?: string): Promise<DualControlRequest> {
    if (!rule.bankTransactionCode && !rule.textContains)
      throw ReconciliationErrors.RULE_WITHOUT_CRITERION('name a bankTransactionCode, a textContains, or both', 'bankTransactionCode');
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      if (!(await findBankAccount(em, rule.account)))
        throw ReconciliationErrors.ACCOUNT_NOT_FOUND(`no account ${rule.account} is registered`, 'account');
      const proposed: StatementRule = { ...rule, id: randomUUID() };
      return this.dualControl.request(actor, STATEMENT_RULE, `${rule.account}/${proposed.id}`, proposed, reason ?? rule.name, em);
    });
  }

  /** An account's rules; another bank's account, like one that does not exist, is not found. */
  list(actor: Actor, account: string): Promise<StatementRule[]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      if (!(await findBankAccount(em, account)))
        throw ReconciliationErrors.ACCOUNT_NOT_FOUND(`no account ${account} is registered`, 'account');
      return findRules(em, account);
    });
  }

  /**
   * The lines among `lineIds` a rule explains: each a made decision (method RULE) whose posting
   * is booked here, in the run's transaction, so a line is never explained without its entry.
   */
  async explain(em: EntityManager, actor: Actor, lineIds: string[]): Promise<Draft[]> {
    if (lineIds.length === 0) return [];
    const drafts: Draft[] = [];
    for (const hit of await findRuleHits(em, lineIds)) {
      const id = randomUUID();
      await this.postings.postRule(em, actor, id, hit);
      drafts.push({
        id,
        method: 'RULE',
        confidence: 1,
        status: 'ACTIVE',
        links: [{ lineId: hit.lineId, expectedId: null, amount: hit.amount }],
        reason: `rule ${hit.ruleName} (${hit.ledgerAccount})`,
      });
    }
    return drafts;
  }

  private async add(em: EntityManager, request: DualControlRequest<StatementRule>, checker: Actor): Promise<StatementRule> {
    await insertRule(em, request.payload, request.requestedByName, actorName(checker));
    await this.audit.record(em, {
      actor: checker,
      action: 'statement-rule.add',
      entityType: 'statement-rule',
      entityId: request.payload.id,
      after: { ...request.payload, requestedBy: request.requestedByName },
    });
    return request.payload;
  }
}
