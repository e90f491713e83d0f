/** Whether a business date (YYYY-MM-DD) is a working day; what a due-date roll consults. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
}

/** A date the calendar has no data for: rolling over it would guess. */
export class OutsideCalendarError extends RangeError {
  constructor(
    readonly date: string,
    readonly firstYear: number,
    readonly lastYear: number,
  ) {
    super(`the working-day calendar covers ${firstYear} to ${lastYear}; ${date} is outside it`);
    this.name = 'OutsideCalendarError';
  }
}

interface Arrangement {
  /** Days off by the State Council's arrangement (statutory holidays and the weekends around them). */
  holidays: Record<string, string>;
  /** Make-up working days (调休): a Saturday or Sunday worked in exchange for a bridge day off. */
  workdays: Record<string, string>;
}

// chinese-days ships each year's arrangement as plain JSON: webpack inlines it into the workflow
// bundle as it is, with no code that reads a clock or the network.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const CHINA: Arrangement = require('chinese-days/dist/chinese-days.json');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Mainland China's working days: Monday to Friday, less the State Council's holidays, plus its
 * make-up working days (调休). Only the years the package has the State Council's notice for
 * are answered; any other date is refused, never guessed from weekends.
 */
export class ChineseWorkingDays implements WorkingDays {
  readonly firstYear: number;
  readonly lastYear: number;

  constructor(private readonly arrangement: Arrangement = CHINA) {
    const years = Object.keys(arrangement.holidays).map((d) => Number(d.slice(0, 4)));
    this.firstYear = Math.min(...years);
    this.lastYear = Math.max(...years);
  }

  isWorkingDay(date: string): boolean {
    const match = DATE.exec(date);
    if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
    const year = Number(match[1]);
    if (year < this.firstYear || year > this.lastYear) throw new OutsideCalendarError(date, this.firstYear, this.lastYear);
    if (date in this.arrangement.workdays) return true;
    if (date in this.arrangement.holidays) return false;
    const day = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3])));
    if (day.getUTCMonth() !== Number(match[2]) - 1 || day.getUTCDate() !== Number(match[3]))
      throw new RangeError(`not a calendar date: ${date}`);
    return day.getUTCDay() !== 0 && day.getUTCDay() !== 6;
  }
}

/** The one calendar of the platform's banks, shared by the API and the workflows. */
export const CHINA_WORKING_DAYS = new ChineseWorkingDays();
