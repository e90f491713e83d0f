import type { EntityManager } from 'typeorm';
import type { StatementEncoding } from '../domain/parsers/encoding';

// Row-level security limits every statement here to the transaction's bank.

export interface BankAccount {
  account: string;
  ledgerAccount: string;
  currency: string;
  /** The holder's name payers write on a transfer; null: the bank's own name. */
  name: string | null;
  /** The character set its MT940 and CSV files come in; null: detected from each file. */
  statementEncoding?: StatementEncoding | null;
}

export async function findBankAccount(em: EntityManager, account: string): Promise<Omit<BankAccount, 'account'> | undefined> {
  const [row] = await em.query('SELECT ledger_account AS "ledgerAccount", currency, name FROM bank_accounts WHERE account = $1', [account]);
  return row;
}

export async function saveBankAccount(em: EntityManager, a: BankAccount, updatedBy: string): Promise<void> {
  await em.query(
    `INSERT INTO bank_accounts (account, ledger_account, currency, updated_by, name) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (bank_id, account) DO UPDATE SET ledger_account = EXCLUDED.ledger_account, currency = EXCLUDED.currency, updated_by = EXCLUDED.updated_by, name = EXCLUDED.name, updated_at = now()`,
    [a.account, a.ledgerAccount, a.currency, updatedBy, a.name],
  );
}

export function findBankAccounts(em: EntityManager): Promise<BankAccount[]> {
  return em.query(
    'SELECT account, ledger_account AS "ledgerAccount", currency, name, statement_encoding AS "statementEncoding" FROM bank_accounts ORDER BY account',
  );
}

/** The character set the account's MT940 and CSV files come in, when the bank set one. */
export async function findStatementEncoding(em: EntityManager, account: string): Promise<StatementEncoding | undefined> {
  const [row] = await em.query('SELECT statement_encoding AS encoding FROM bank_accounts WHERE account = $1', [account]);
  return row?.encoding ?? undefined;
}

export async function saveStatementEncoding(em: EntityManager, account: string, encoding: StatementEncoding | null): Promise<void> {
  await em.query('UPDATE bank_accounts SET statement_encoding = $2 WHERE account = $1', [account, encoding]);
}
