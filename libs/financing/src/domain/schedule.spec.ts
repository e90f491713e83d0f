import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Money } from '@caravan/money';
import { addMonths, actualDays, days30360 } from './calendar';
import { advanceAmount, allocate, LoanTerms, penaltyInterest, schedule, Schedule } from './schedule';

// Expected tables: computed independently by scripts/golden/amortisation.py (Python's decimal
// and datetime, written from the stated rules, not from this code). The first case is also
// the textbook annuity: ¥100,000 at 12%/yr over 12 months pays ¥8,884.88 a month
// (A = P·r / (1 − (1 + r)^−n), r = 1%), which any amortisation table shows.
const golden = JSON.parse(readFileSync(resolve(__dirname, 'golden/schedules.json'), 'utf8')) as Array<{
  name: string;
  terms: LoanTerms;
  expected: Schedule;
}>;

describe('schedule: golden tables', () => {
  it.each(golden.map((g) => [g.name, g] as const))('%s', (_, { terms, expected }) => {
    expect(schedule(terms)).toEqual(expected);
  });

  it('includes the textbook ¥8,884.88 annuity', () => {
    const textbook = schedule(golden[0].terms);
    expect(textbook.lines.slice(0, 11).every((l) => l.payment === '8884.88')).toBe(true);
    expect(textbook.lines[11].closingPrincipal).toBe('0.00');
  });
});

describe('schedule: invariants on any terms', () => {
  const methods = ['BULLET', 'EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'] as const;
  const dayCounts = ['ACT/360', 'ACT/365', '30/360'] as const;
  const cases = methods.flatMap((method) => dayCounts.map((dayCount) => [method, dayCount] as const));

  it.each(cases)('%s %s repays exactly the principal and adds up', (method, dayCount) => {
    const s = schedule({
      principal: '7777777.77',
      annualRate: '0.0499',
      dayCount,
      method,
      startDate: '2026-08-31',
      instalments: method === 'BULLET' ? 1 : 11,
    });
    const sum = (k: 'principal' | 'interest' | 'payment') => s.lines.reduce((a, l) => a.plus(Money.of(l[k])), Money.zero());
    expect(sum('principal').toString()).toBe('7777777.77');
    expect(sum('payment').equals(sum('principal').plus(sum('interest')))).toBe(true);
    expect(s.lines.at(-1)!.closingPrincipal).toBe('0.00');
    for (const [i, l] of s.lines.entries()) {
      if (i > 0) expect(l.openingPrincipal).toBe(s.lines[i - 1].closingPrincipal);
    }
  });

  it.each([
    [{ instalments: 0 }, 'instalments'],
    [{ instalments: 2, method: 'BULLET' }, 'instalments'],
    [{ annualRate: '1.5' }, 'annualRate'],
    [{ maturityDate: '2026-01-01' }, 'maturityDate'],
  ])('refuses %p naming %s', (change, field) => {
    const terms = {
      principal: '1000.00',
      annualRate: '0.05',
      dayCount: 'ACT/360',
      method: 'EQUAL_PRINCIPAL',
      startDate: '2026-02-01',
      instalments: 3,
      ...change,
    } as LoanTerms;
    expect(() => schedule(terms)).toThrow(expect.objectContaining({ code: 'FINANCING.INVALID_TERMS', field }));
  });
});

describe('calendar', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
  ])('%s + %d months = %s', (d, m, e) => expect(addMonths(d, m)).toBe(e));

  it('counts actual and 30/360 days', () => {
    expect(actualDays('2026-11-26', '2027-01-31')).toBe(66);
    expect(actualDays('2028-02-01', '2028-03-01')).toBe(29);
    expect(days30360('2026-01-31', '2026-02-28')).toBe(28);
    expect(days30360('2026-01-30', '2026-03-31')).toBe(60);
  });
});

describe('advance, penalty interest and allocation', () => {
  it('advances eligible × rate, half-up', () => {
    expect(advanceAmount('1225000.00', '0.8')).toBe('980000.00');
    expect(advanceAmount('1000.01', '0.85')).toBe('850.01'); // 850.0085 → 850.01
  });

  it('charges penalty interest per overdue day', () => {
    // 100,000 × 0.0005 × 365 … expressed as an annual 18.25% for 10 days ACT/365 = 500.00
    expect(penaltyInterest('100000.00', '0.1825', 10, 'ACT/365')).toBe('500.00');
  });

  it('allocates penalty, fee, interest, then principal, and returns the surplus', () => {
    const due = { penalty: '50.00', fee: '10.00', interest: '200.00', principal: '1000.00' };
    expect(allocate('150.00', due)).toEqual({
      allocated: { penalty: '50.00', fee: '10.00', interest: '90.00', principal: '0.00' },
      surplus: '0.00',
    });
    expect(allocate('1300.00', due)).toEqual({
      allocated: { penalty: '50.00', fee: '10.00', interest: '200.00', principal: '1000.00' },
      surplus: '40.00',
    });
    expect(allocate('100.00', due, ['principal', 'interest', 'fee', 'penalty']).allocated.principal).toBe('100.00');
  });
});
