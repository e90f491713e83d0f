import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Account, LedgerService, reversedLines } from '@caravan/ledger';
import type { Actor } from '@caravan/access';
import { explainingLines } from '../domain/statement-rules';
import { findLineBooking, RuleHit } from '../infrastructure/statement-rule.repository';

const keyOf = (decisionId: string) => `statement-match/${decisionId}`;

/**
 * What a bank account shows besides loans reaches the books: a line a rule explains posts to
 * the rule's account, a line written off to the differences; both against the ledger account
 * the bank account is mapped to, so the daily report closes. Keyed by the decision: once each,
 * and undone with it.
 */
@Injectable()
export class AccountPostingsService {
  constructor(private readonly ledger: LedgerService) {}

  async postRule(em: EntityManager, actor: Actor, decisionId: string, hit: RuleHit): Promise<void> {
    await this.ledger.post(
      actor,
      {
        idempotencyKey: keyOf(decisionId),
        kind: 'bank-account',
        description: `${hit.ruleName} (statement line ${hit.lineId})`,
        valueDate: hit.valueDate,
        currency: hit.currency,
        lines: explainingLines(hit.direction, hit.amount, hit.ledgerAccount, hit.bankLedger),
      },
      em,
    );
  }

  /** A written-off line of a mapped account: its amount to the differences written off. */
  async postWriteOff(em: EntityManager, actor: Actor, decisionId: string, lineId: string, reason: string): Promise<void> {
    const line = await findLineBooking(em, lineId);
    if (!line?.bankLedger) return;
    await this.ledger.post(
      actor,
      {
        idempotencyKey: keyOf(decisionId),
        kind: 'write-off',
        description: `written off: ${reason} (statement line ${lineId})`,
        valueDate: line.valueDate,
        currency: line.currency,
        lines: explainingLines(line.direction, line.amount, Account.RECONCILIATION_DIFFERENCES, line.bankLedger),
      },
      em,
    );
  }

  /** An undone rule match or write-off takes its posting back by the opposite entry. */
  async undo(em: EntityManager, actor: Actor, decisionId: string, lineId: string, reason: string): Promise<void> {
    // read in the undo's own transaction: it holds the matching lock, a second connection would wait on the pool
    const posted = await this.ledger.entryByKey(actor, keyOf(decisionId), em);
    const line = await findLineBooking(em, lineId);
    if (!posted || !line) return;
    await this.ledger.post(
      actor,
      {
        idempotencyKey: `${keyOf(decisionId)}/undone`,
        kind: `${posted.kind}.undone`,
        description: `undone: ${reason}`,
        valueDate: posted.valueDate,
        currency: line.currency,
        lines: reversedLines(posted.lines),
      },
      em,
    );
  }
}
