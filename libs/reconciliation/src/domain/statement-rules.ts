import { Account } from '@caravan/ledger/workflow';
import type { Line } from '@caravan/ledger/workflow';

/** The ledger accounts a rule may post to: a bank's own account's movements, never a loan's. */
export const RULE_ACCOUNTS = [Account.BANK_CHARGES, Account.BANK_INTEREST] as const;
export type RuleAccount = (typeof RULE_ACCOUNTS)[number];

/** A standing rule of one bank account: lines with its code or text are explained by a posting. */
export interface StatementRule {
  id: string;
  account: string;
  name: string;
  /** camt's Domain/Family/SubFamily (e.g. ACMT/MDOP/CHRG) or proprietary code, MT940's type code (e.g. NCHG). */
  bankTransactionCode: string | null;
  /** Found in the line's remittance or information, whatever the case. */
  textContains: string | null;
  direction: 'CRDT' | 'DBIT' | null;
  ledgerAccount: RuleAccount;
}

/**
 * The posting that explains a line of a bank account by another ledger account (a rule's, or
 * the differences a person writes off): money that left the bank account (a debit) is charged
 * to it; money that came in (a credit) is its income. `bankLedger` is the ledger account the
 * bank account is mapped to, so the daily report's difference closes by the line's amount.
 */
export function explainingLines(direction: 'CRDT' | 'DBIT', amount: string, by: Account, bankLedger: string): Line[] {
  const bank = bankLedger as Account;
  const [debit, credit] = direction === 'DBIT' ? [by, bank] : [bank, by];
  return [
    { account: debit, debit: amount },
    { account: credit, credit: amount },
  ];
}
