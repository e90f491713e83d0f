import type { FinancingTerms } from '../api/financing.contract';
import { bookedSchedule } from './booked-schedule';

// Due dates rolled over China's working days (国办发明电〔2025〕7号, the 2026 holidays): what the
// trial quotes, the offer shows and the workflow books.
describe('bookedSchedule', () => {
  const terms = (dueDateRoll: string, instalments = 2): FinancingTerms =>
    ({
      annualRate: '0.0435',
      penaltyRate: '0.0653',
      graceDays: 3,
      dayCount: 'ACT/360',
      method: 'EQUAL_PRINCIPAL',
      instalments,
      upfrontFeeRate: '0',
      maxFinancingRatio: '0.8',
      dueDateRoll,
    }) as FinancingTerms;
  const loan = (dueDateRoll: string, instalments?: number) => ({
    amount: '100000.00',
    currency: 'CNY',
    terms: terms(dueDateRoll, instalments),
  });
  const dueDates = (dueDateRoll: string, start: string, instalments?: number) =>
    bookedSchedule(loan(dueDateRoll, instalments), start).lines.map((l) => l.dueDate);

  it('keeps a due date on a Saturday that is a make-up working day (28 February 2026) and rolls the next Saturday to Monday', () => {
    expect(dueDates('FOLLOWING', '2026-01-28')).toEqual(['2026-02-28', '2026-03-30']);
  });

  it('rolls a due date in National Day week to the first working day after it (1 → 8 October 2026)', () => {
    expect(dueDates('FOLLOWING', '2026-08-01')).toEqual(['2026-09-01', '2026-10-08']);
  });

  it('rolls a due date in the Spring Festival holiday forward, and back within the month when modified following', () => {
    // 15 and 16 February 2026 are holidays; 31 May 2026 is a Sunday, 1 June the next month
    expect(dueDates('FOLLOWING', '2026-01-15', 1)).toEqual(['2026-02-24']);
    expect(dueDates('MODIFIED_FOLLOWING', '2026-04-30', 1)).toEqual(['2026-05-29']);
    expect(dueDates('FOLLOWING', '2026-04-30', 1)).toEqual(['2026-06-01']);
  });

  it('counts the interest to the rolled date', () => {
    const [line] = bookedSchedule(loan('FOLLOWING', 1), '2026-09-01').lines;
    expect(line).toMatchObject({ dueDate: '2026-10-08', days: 37, interest: '447.08' }); // 100,000 × 4.35% × 37 / 360
  });

  it('leaves due dates alone without a roll, and refuses a roll into a year without a holiday arrangement', () => {
    expect(dueDates('NONE', '2026-08-01')).toEqual(['2026-09-01', '2026-10-01']);
    expect(() => bookedSchedule(loan('FOLLOWING'), '2026-12-02')).toThrow(
      expect.objectContaining({ code: 'FINANCING.NOT_IN_CALENDAR' }) as unknown as Error,
    );
  });
});
