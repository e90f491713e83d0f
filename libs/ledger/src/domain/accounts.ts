/** The chart of accounts of one financing's life (PRODUCT.md "Ledger"). */
export enum Account {
  LOAN_PRINCIPAL = 'LOAN_PRINCIPAL',
  INTEREST_RECEIVABLE = 'INTEREST_RECEIVABLE',
  PENALTY_RECEIVABLE = 'PENALTY_RECEIVABLE',
  COLLECTION_ACCOUNT = 'COLLECTION_ACCOUNT',
  SME_SETTLEMENT = 'SME_SETTLEMENT',
  BANK_FUNDING = 'BANK_FUNDING',
  FEE_INCOME = 'FEE_INCOME',
  INTEREST_INCOME = 'INTEREST_INCOME',
  PENALTY_INCOME = 'PENALTY_INCOME',
  /** The bank's own accounts: what their bank charges, what they earn, differences written off. */
  BANK_CHARGES = 'BANK_CHARGES',
  BANK_INTEREST = 'BANK_INTEREST',
  RECONCILIATION_DIFFERENCES = 'RECONCILIATION_DIFFERENCES',
}

export interface Line {
  account: Account;
  /** Exactly one of debit and credit, a positive decimal string. */
  debit?: string;
  credit?: string;
}

export interface EntryDraft {
  /** The posting happens once per key, whatever retries or crashes. */
  idempotencyKey: string;
  financingRef?: string;
  kind: string;
  description: string;
  valueDate: string;
  currency?: string;
  lines: Line[];
}
