import type { EntityManager } from 'typeorm';
import type { RuleAccount, StatementRule } from '../domain/statement-rules';

// Row-level security limits every rule and line here to the transaction's bank.

const RULE_COLUMNS = `id::text AS id, account, name, bank_transaction_code AS "bankTransactionCode", text_contains AS "textContains",
  direction, ledger_account AS "ledgerAccount"`;

export async function insertRule(em: EntityManager, rule: StatementRule, requestedBy: string, approvedBy: string): Promise<void> {
  await em.query(
    `INSERT INTO statement_rules (id, account, name, bank_transaction_code, text_contains, direction, ledger_account, requested_by, approved_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      rule.id,
      rule.account,
      rule.name,
      rule.bankTransactionCode,
      rule.textContains,
      rule.direction,
      rule.ledgerAccount,
      requestedBy,
      approvedBy,
    ],
  );
}

export function findRules(em: EntityManager, account: string): Promise<StatementRule[]> {
  return em.query(`SELECT ${RULE_COLUMNS} FROM statement_rules WHERE account = $1 ORDER BY created_at, id`, [account]);
}

/** A line a rule explains, with what its posting needs. */
export interface RuleHit {
  lineId: string;
  ruleId: string;
  ruleName: string;
  ledgerAccount: RuleAccount;
  bankLedger: string;
  amount: string;
  currency: string;
  direction: 'CRDT' | 'DBIT';
  valueDate: string;
}

/**
 * The lines among `lineIds` a rule of their account explains (the oldest rule, when several
 * do): same code (case aside), or the rule's text in the line's remittance, in the rule's
 * direction if it has one. Only accounts mapped to the ledger have rules (a rule's key).
 */
export function findRuleHits(em: EntityManager, lineIds: string[]): Promise<RuleHit[]> {
  return em.query(
    `SELECT DISTINCT ON (l.id) l.id::text AS "lineId", r.id::text AS "ruleId", r.name AS "ruleName", r.ledger_account AS "ledgerAccount",
            b.ledger_account AS "bankLedger", l.amount::text AS amount, l.currency, l.direction,
            to_char(coalesce(l.value_date, l.booking_date), 'YYYY-MM-DD') AS "valueDate"
       FROM statement_lines l
       JOIN statement_rules r ON r.account = l.account AND (r.direction IS NULL OR r.direction = l.direction)
       JOIN bank_accounts b ON b.account = l.account
      WHERE l.id = ANY($1::bigint[]) AND l.amount > 0
        AND (upper(r.bank_transaction_code) = upper(l.bank_transaction_code)
             OR strpos(lower(coalesce(l.remittance, '')), lower(r.text_contains)) > 0)
      ORDER BY l.id, r.created_at, r.id`,
    [lineIds],
  );
}

/** What posting a line needs: the ledger account its bank account is mapped to (none when unmapped) and its value date. */
export async function findLineBooking(
  em: EntityManager,
  lineId: string,
): Promise<{ bankLedger: string | null; valueDate: string; currency: string; direction: 'CRDT' | 'DBIT'; amount: string } | undefined> {
  const [row] = await em.query(
    `SELECT b.ledger_account AS "bankLedger", to_char(coalesce(l.value_date, l.booking_date), 'YYYY-MM-DD') AS "valueDate",
            l.currency, l.direction, l.amount::text AS amount
       FROM statement_lines l LEFT JOIN bank_accounts b ON b.account = l.account WHERE l.id = $1`,
    [lineId],
  );
  return row;
}
