import { Money } from '@caravan/money';
import { Account, Line } from './accounts';
import { nonZero } from './entry';

// The journal of a financing's life, as lines; amounts are the calculator's strings.

/** Disbursement: the loan is on the books; the bank funds it net of the upfront fee. */
export function disbursementLines(principal: string, fee: string): Line[] {
  const net = Money.of(principal).minus(Money.of(fee)).toString();
  return nonZero([
    { account: Account.LOAN_PRINCIPAL, debit: principal },
    { account: Account.BANK_FUNDING, credit: net },
    { account: Account.FEE_INCOME, credit: fee },
  ]);
}

/** Interest (or penalty interest) falls due: receivable against income. */
export function accrualLines(interest: string, penalty = '0.00'): Line[] {
  return nonZero([
    { account: Account.INTEREST_RECEIVABLE, debit: interest },
    { account: Account.INTEREST_INCOME, credit: interest },
    { account: Account.PENALTY_RECEIVABLE, debit: penalty },
    { account: Account.PENALTY_INCOME, credit: penalty },
  ]);
}

/** Money arrives in the collection account and is allocated; what is left belongs to the SME. */
export function repaymentLines(
  received: string,
  allocated: { penalty: string; interest: string; principal: string },
  surplus: string,
): Line[] {
  return nonZero([
    { account: Account.COLLECTION_ACCOUNT, debit: received },
    { account: Account.PENALTY_RECEIVABLE, credit: allocated.penalty },
    { account: Account.INTEREST_RECEIVABLE, credit: allocated.interest },
    { account: Account.LOAN_PRINCIPAL, credit: allocated.principal },
    { account: Account.SME_SETTLEMENT, credit: surplus },
  ]);
}

/** The surplus is paid out to the SME. */
export function surplusPayoutLines(amount: string): Line[] {
  return nonZero([
    { account: Account.SME_SETTLEMENT, debit: amount },
    { account: Account.COLLECTION_ACCOUNT, credit: amount },
  ]);
}
