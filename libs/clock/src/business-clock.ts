/**
 * What day it is for the people whose money it is: every business date (a trial's start, a
 * valuation, a value date, the report's ledger day) is read in the banks' time zone
 * (BUSINESS_TIMEZONE), never as a UTC date, which in China is the day before until 08:00.
 */
export class BusinessClock {
  private readonly parts: Intl.DateTimeFormat;

  constructor(
    readonly timeZone: string,
    /** The instant it is now; tests set another. */
    readonly now: () => Date = () => new Date(),
  ) {
    this.parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  }

  /** Today's date (YYYY-MM-DD) in the business time zone. */
  today(): string {
    return this.dateOf(this.now());
  }

  /** The business date (YYYY-MM-DD) an instant falls on. */
  dateOf(instant: Date): string {
    const parts = Object.fromEntries(this.parts.formatToParts(instant).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  }
}
