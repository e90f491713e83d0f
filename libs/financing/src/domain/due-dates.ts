import { addDays, addMonths } from './calendar';
import { amortisationOf, DueDateRoll, LoanTerms, WorkingDays } from './schedule-terms';

// The schedule's periods: each from the previous (rolled) due date to its own. A rolled due
// date moves the interest days with it, so what the borrower pays is counted to the day paid.

export interface Period {
  from: string;
  to: string;
}

const MONTHS: Record<'MONTHLY' | 'QUARTERLY', number> = { MONTHLY: 1, QUARTERLY: 3 };

/** `date`'s month with the given day, clamped to the month's end (31 → 30 April, 28/29 February). */
function withDay(date: string, day: number): string {
  const first = `${date.slice(0, 8)}01`;
  const last = addDays(addMonths(first, 1), -1);
  return `${date.slice(0, 8)}${String(Math.min(day, Number(last.slice(8)))).padStart(2, '0')}`;
}

/** The k-th regular date after `anchor` (k = 0 is the anchor), keeping the repayment day when there is one. */
function step(terms: LoanTerms, anchor: string, k: number): string {
  if (terms.repaymentFrequency === 'WEEKLY') return addDays(anchor, 7 * k);
  const months = MONTHS[terms.repaymentFrequency === 'QUARTERLY' ? 'QUARTERLY' : 'MONTHLY'];
  const moved = addMonths(anchor, months * k);
  return terms.repaymentDay ? withDay(moved, terms.repaymentDay) : moved;
}

/** The first due date: the one given, or the repayment day's next occurrence (a long first period takes the one after). */
function firstDue(terms: LoanTerms): string {
  if (terms.firstDueDate || !terms.repaymentDay) return terms.firstDueDate ?? step(terms, terms.startDate, 1);
  let next = withDay(terms.startDate, terms.repaymentDay);
  if (next <= terms.startDate) next = withDay(addMonths(terms.startDate, 1), terms.repaymentDay);
  const regular = step({ ...terms, repaymentDay: undefined }, terms.startDate, 1);
  return terms.firstPeriod === 'LONG' && next < regular ? step(terms, next, 1) : next;
}

/** Interest settlement dates (按季结息: the day of each quarter's last month) strictly between the start and the maturity. */
function settlementDates(terms: LoanTerms, maturity: string): string[] {
  const { frequency, day } = terms.interestSettlement!;
  const dates: string[] = [];
  for (let k = 0; dates.length <= 400; k++) {
    const month = addMonths(`${terms.startDate.slice(0, 8)}01`, k);
    if (frequency === 'QUARTERLY' && Number(month.slice(5, 7)) % 3 !== 0) continue;
    const date = withDay(month, day ?? Number(terms.startDate.slice(8)));
    if (date >= maturity) break;
    if (date > terms.startDate) dates.push(date);
  }
  return [...dates, maturity];
}

/** The unrolled due dates, in order. */
export function scheduledDates(terms: LoanTerms): string[] {
  const atMaturity = amortisationOf(terms) === 'BULLET' || terms.repaymentFrequency === 'AT_MATURITY';
  const maturity = terms.maturityDate ?? (atMaturity ? step(terms, terms.startDate, terms.instalments) : undefined);
  if (terms.interestSettlement && maturity) return settlementDates(terms, maturity);
  if (atMaturity && maturity) return [maturity];
  // Counted from the anchor, not date to date: 31 January + 2 months is 31 March, not 28 March.
  if (!terms.firstDueDate && !terms.repaymentDay)
    return Array.from({ length: terms.instalments }, (_, i) => step(terms, terms.startDate, i + 1));
  const first = firstDue(terms);
  return Array.from({ length: terms.instalments }, (_, i) => step(terms, first, i));
}

/** Following: the next working day. Modified following: the same, unless it leaves the month, then the previous working day. */
export function roll(date: string, convention: DueDateRoll | undefined, calendar: WorkingDays): string {
  if (!convention || convention === 'NONE' || calendar.isWorkingDay(date)) return date;
  let next = date;
  for (let i = 0; i < 31 && !calendar.isWorkingDay(next); i++) next = addDays(next, 1);
  if (convention === 'FOLLOWING' || next.slice(0, 7) === date.slice(0, 7)) return next;
  let previous = date;
  for (let i = 0; i < 31 && !calendar.isWorkingDay(previous); i++) previous = addDays(previous, -1);
  return previous;
}

/** The periods of the schedule, due dates rolled over the working-day calendar. */
export function periods(terms: LoanTerms, calendar: WorkingDays): Period[] {
  const dates = scheduledDates(terms).map((d) => roll(d, terms.dueDateRoll, calendar));
  return dates.map((to, i) => ({ from: i === 0 ? terms.startDate : dates[i - 1], to }));
}
