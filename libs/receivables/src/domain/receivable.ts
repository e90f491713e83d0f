import { Money } from '@caravan/money';
import { nextStatus, ReceivableStatus, ReceivableTransition } from './receivable-status';
import { ReceivableErrors } from './receivables.errors';

/** What an SME states when it registers an invoice or freight bill owed by a core enterprise. */
export interface RegisterReceivable {
  creditorId: string;
  debtorId: string;
  invoiceNumber: string;
  waybillRefs: string[];
  /** Calendar dates, YYYY-MM-DD: a due date has no time zone. */
  issueDate: string;
  dueDate: string;
  amount: Money;
}

/** A receivable as the platform keeps it: what was registered, and where it stands. */
export interface Receivable extends RegisterReceivable {
  id: string;
  status: ReceivableStatus;
  /** Credit notes and returns so far; what a bank may finance is amount − diluted. */
  dilutedAmount: Money;
  registeredAt: Date;
  updatedAt: Date;
}

/** The rules a new receivable must pass beyond the shape of the request. */
export function registerReceivable(input: RegisterReceivable, id: string, now: Date): Receivable {
  if (!input.amount.isPositive()) {
    throw ReceivableErrors.AMOUNT_NOT_POSITIVE('amount must be greater than zero', 'amount');
  }
  if (input.dueDate < input.issueDate) {
    throw ReceivableErrors.DUE_BEFORE_ISSUE('dueDate must not be before issueDate', 'dueDate');
  }
  if (input.creditorId === input.debtorId) {
    throw ReceivableErrors.SELF_DEBT('the debtor must be another organisation', 'debtorId');
  }
  return {
    ...input,
    id,
    status: ReceivableStatus.REGISTERED,
    dilutedAmount: Money.zero(input.amount.currency),
    registeredAt: now,
    updatedAt: now,
  };
}

export function eligibleAmount(receivable: Receivable): Money {
  return receivable.amount.minus(receivable.dilutedAmount);
}

const DILUTABLE = [ReceivableStatus.REGISTERED, ReceivableStatus.SUBMITTED, ReceivableStatus.CONFIRMED, ReceivableStatus.PLEDGED];

/** A credit note or a return reduces what can be financed, never below zero. */
export function dilute(receivable: Receivable, by: Money, now: Date): Receivable {
  if (!DILUTABLE.includes(receivable.status)) {
    throw ReceivableErrors.NOT_DILUTABLE(`a ${receivable.status} receivable cannot be diluted`);
  }
  if (by.currency !== receivable.amount.currency) {
    throw ReceivableErrors.CURRENCY_MISMATCH(`dilution must be in ${receivable.amount.currency}`, 'amount');
  }
  if (by.compare(eligibleAmount(receivable)) > 0) {
    throw ReceivableErrors.DILUTION_EXCEEDS_ELIGIBLE(
      `dilution ${by.toString()} exceeds the eligible ${eligibleAmount(receivable).toString()}`,
      'amount',
    );
  }
  return { ...receivable, dilutedAmount: receivable.dilutedAmount.plus(by), updatedAt: now };
}

export function applyTransition(receivable: Receivable, transition: ReceivableTransition, now: Date): Receivable {
  return { ...receivable, status: nextStatus(receivable.status, transition), updatedAt: now };
}
