import { CHINA_WORKING_DAYS, OutsideCalendarError } from '@caravan/clock';
import type { FinancingTerms } from '../api/financing.contract';
import { FinancingErrors } from '../domain/financing.errors';
import { schedule, Schedule } from '../domain/schedule';

/**
 * The schedule a loan books when it starts on `startDate`: the trial's quote, the offer the SME
 * accepts and the workflow's booking all compute it so, due dates rolled over China's working
 * days as the terms' dueDateRoll says. A due date in a year without a holiday arrangement yet is
 * refused, not guessed.
 */
export function bookedSchedule(loan: { amount: string; currency: string; terms: FinancingTerms }, startDate: string): Schedule {
  try {
    return schedule({ ...loan.terms, principal: loan.amount, currency: loan.currency, startDate }, CHINA_WORKING_DAYS);
  } catch (e) {
    if (e instanceof OutsideCalendarError) throw FinancingErrors.NOT_IN_CALENDAR(e.message);
    throw e;
  }
}
