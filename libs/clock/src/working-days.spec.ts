import { ChineseWorkingDays, OutsideCalendarError } from './working-days';

// The dates are the State Council's: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号,
// 12 November 2024) and 关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 4 November 2025), as
// chinese-days ships them; the spec reads the package's data, not a copy.
describe('ChineseWorkingDays', () => {
  const china = new ChineseWorkingDays();
  const working = (dates: string[]) => dates.filter((d) => china.isWorkingDay(d));

  it('takes National Day week off and works the Sunday before and the Saturday after (2025: 1–8 October, 28 Sept and 11 Oct worked)', () => {
    expect(working(['2025-09-26', '2025-09-27', '2025-09-28', '2025-09-30'])).toEqual(['2025-09-26', '2025-09-28', '2025-09-30']);
    expect(working(['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08'])).toEqual([]);
    expect(working(['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-12'])).toEqual(['2025-10-09', '2025-10-10', '2025-10-11']);
  });

  it('2026: Spring Festival 15–23 February off, Saturdays 14 and 28 February worked; National Day 1–7 October, 20 Sept and 10 Oct worked', () => {
    expect(working(['2026-02-13', '2026-02-14', '2026-02-15', '2026-02-20', '2026-02-23', '2026-02-24'])).toEqual([
      '2026-02-13',
      '2026-02-14',
      '2026-02-24',
    ]);
    expect(china.isWorkingDay('2026-02-28')).toBe(true); // a Saturday
    expect(china.isWorkingDay('2026-02-21')).toBe(false); // a Saturday inside the holiday
    expect(working(['2026-09-19', '2026-09-20', '2026-10-01', '2026-10-07', '2026-10-08', '2026-10-10', '2026-10-11'])).toEqual([
      '2026-09-20',
      '2026-10-08',
      '2026-10-10',
    ]);
  });

  it('2026 New Year: 1–3 January off, Sunday 4 January worked', () => {
    expect(working(['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'])).toEqual(['2026-01-04', '2026-01-05']);
  });

  it('an ordinary week: Monday to Friday', () => {
    expect(working(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-04', '2026-12-05'])).toEqual(['2026-11-30', '2026-12-04']);
  });

  it('refuses the years it has no notice for, naming the years it covers', () => {
    expect(china.lastYear).toBe(2026);
    expect(() => china.isWorkingDay('2027-01-04')).toThrow(OutsideCalendarError);
    expect(() => china.isWorkingDay('2027-01-04')).toThrow(`covers ${china.firstYear} to 2026; 2027-01-04 is outside it`);
    expect(() => china.isWorkingDay(`${china.firstYear - 1}-06-01`)).toThrow(OutsideCalendarError);
  });

  it('refuses what is not a date', () => {
    expect(() => china.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => china.isWorkingDay('26-02-01')).toThrow(RangeError);
  });
});
