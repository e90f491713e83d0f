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

/** `amount` moved from `from` to `to`: a debit of `to` against a credit of `from`, sides swapped when negative. */
function moved(to: Account, from: Account, amount: string): Line[] {
  const m = Money.of(amount);
  if (m.isNegative()) return moved(from, to, Money.zero().minus(m).toString());
  return [
    { account: to, debit: m.toString() },
    { account: from, credit: m.toString() },
  ];
}

/**
 * Interest (or penalty interest) falls due: receivable against income. Negative when a payment
 * valued earlier than it was learnt of takes back interest or penalty counted meanwhile.
 */
export function accrualLines(interest: string, penalty = '0.00'): Line[] {
  return nonZero([
    ...moved(Account.INTEREST_RECEIVABLE, Account.INTEREST_INCOME, interest),
    ...moved(Account.PENALTY_RECEIVABLE, Account.PENALTY_INCOME, penalty),
  ]);
}

/**
 * Payments already booked pay other components once a back-dated payment re-computes the loan:
 * each receivable (and the SME's surplus) is credited by what it gains and debited by what it
 * loses; the changes sum to zero, as the payments' amounts do not change.
 */
export function reallocationLines(change: { penalty: string; interest: string; principal: string; surplus: string }): Line[] {
  const side = (account: Account, amount: string): Line => {
    const m = Money.of(amount);
    return m.isNegative() ? { account, debit: Money.zero().minus(m).toString() } : { account, credit: m.toString() };
  };
  return nonZero([
    side(Account.PENALTY_RECEIVABLE, change.penalty),
    side(Account.INTEREST_RECEIVABLE, change.interest),
    side(Account.LOAN_PRINCIPAL, change.principal),
    side(Account.SME_SETTLEMENT, change.surplus),
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
