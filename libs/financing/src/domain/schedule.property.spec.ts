import fc from 'fast-check';
import { Money } from '@caravan/money';
import { actualDays, addDays } from './calendar';
import { applyPayment, fallDue, openBook } from './loan-book';
import { Amortisation, DAY_COUNTS, LoanTerms, productTerms, RepaymentFrequency, schedule, WorkingDays } from './schedule';

// Properties over any terms the calculator accepts: the principal is repaid exactly, the
// balance never goes negative, the last line clears it, and the schedule is the same however
// often and wherever it is computed (the trial, the workflow, a replay from serialised input).

const date = fc.integer({ min: 0, max: 365 * 15 }).map((d) => addDays('2020-01-01', d));
const cents = (min: number, max: number) =>
  fc.integer({ min, max }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);

const terms: fc.Arbitrary<LoanTerms> = fc
  .record({
    principal: cents(100_00, 50_000_000_00),
    annualRate: fc.integer({ min: 0, max: 2400 }).map((bp) => (bp / 10000).toFixed(4)),
    dayCount: fc.constantFrom(...DAY_COUNTS),
    amortisation: fc.constantFrom<Amortisation>(
      'EQUAL_INSTALMENT',
      'EQUAL_PRINCIPAL',
      'FIXED_PRINCIPAL_PERCENT',
      'INTEREST_ONLY',
      'BULLET',
    ),
    interestType: fc.constantFrom('DECLINING' as const, 'FLAT' as const),
    flatBasis: fc.constantFrom('PER_PERIOD' as const, 'ACTUAL_DAYS' as const),
    principalPercent: fc.integer({ min: 1, max: 60 }).map((p) => (p / 100).toFixed(2)),
    repaymentFrequency: fc.constantFrom<RepaymentFrequency>('WEEKLY', 'MONTHLY', 'QUARTERLY'),
    startDate: date,
    instalments: fc.integer({ min: 1, max: 48 }),
    repaymentDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
    firstPeriod: fc.constantFrom('SHORT' as const, 'LONG' as const),
    rounding: fc.record({
      mode: fc.constantFrom('HALF_UP' as const, 'HALF_EVEN' as const),
      instalmentMultiple: fc.constantFrom(undefined, '1', '10', '100'),
    }),
    grace: fc.record({ principalPeriods: fc.integer({ min: 0, max: 6 }), interestPeriods: fc.integer({ min: 0, max: 3 }) }),
  })
  .map((t): LoanTerms => {
    const instalments = t.amortisation === 'BULLET' ? 1 : t.instalments;
    const grace = {
      principalPeriods: Math.min(t.grace.principalPeriods, instalments - 1),
      interestPeriods: Math.min(t.grace.interestPeriods, instalments - 1),
    };
    // the balloon stays positive: percent × the amortising periods before the last is under 1
    const amortising = Math.max(1, instalments - 1 - grace.principalPeriods);
    const principalPercent = Math.min(Number(t.principalPercent), Math.floor(99 / amortising) / 100).toFixed(2);
    return {
      ...t,
      principalPercent: principalPercent === '0.00' ? '0.01' : principalPercent,
      dayCount: t.dayCount === 'PERIODIC-12' && t.repaymentFrequency === 'WEEKLY' ? 'ACT/365F' : t.dayCount,
      flatBasis: t.interestType === 'FLAT' ? t.flatBasis : undefined,
      repaymentDay: t.repaymentFrequency === 'WEEKLY' ? undefined : t.repaymentDay,
      instalments,
      grace,
    };
  });

const weekdays: WorkingDays = { isWorkingDay: (d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) };

describe('schedule: properties', () => {
  it('accepts the generated terms', () => {
    fc.assert(
      fc.property(terms, (t) => expect(productTerms(t)).toEqual([])),
      { numRuns: 300 },
    );
  });

  it('repays exactly the principal, never leaves a negative balance and clears it on the last line', () => {
    fc.assert(
      fc.property(terms, fc.boolean(), (t, rolled) => {
        const s = schedule({ ...t, dueDateRoll: rolled ? 'MODIFIED_FOLLOWING' : undefined }, weekdays);
        const sum = s.lines.reduce((a, l) => a.plus(Money.of(l.principal)), Money.zero());
        expect(sum.toString()).toBe(Money.of(t.principal).toString());
        for (const [i, l] of s.lines.entries()) {
          expect(Money.of(l.closingPrincipal).isNegative()).toBe(false);
          expect(l.openingPrincipal).toBe(i === 0 ? Money.of(t.principal).toString() : s.lines[i - 1].closingPrincipal);
          if (i > 0) expect(l.dueDate > s.lines[i - 1].dueDate).toBe(true);
        }
        expect(s.lines.at(-1)!.closingPrincipal).toBe('0.00');
      }),
      { numRuns: 500 },
    );
  });

  it('is the same computed twice, from serialised terms (a replay) and in the book the workflow opens', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const trial = schedule(t, weekdays);
        const replayed = schedule(JSON.parse(JSON.stringify(t)) as LoanTerms, weekdays);
        expect(replayed).toEqual(trial);
        expect(JSON.stringify(schedule(t, weekdays))).toBe(JSON.stringify(trial));
        const book = openBook(JSON.parse(JSON.stringify(trial)), { ...t, penaltyRate: '0.1' }, (d) => actualDays(t.startDate, d));
        expect(book.lines.map((l) => [l.dueDate, l.principal, l.days])).toEqual(trial.lines.map((l) => [l.dueDate, l.principal, l.days]));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the book the workflow keeps: one calculator', () => {
  it('asks, line by line, the interest the schedule shows when each line is paid on its day', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const s = schedule(t, weekdays);
        let book = openBook(s, { ...t, penaltyRate: '0.1' }, (d) => actualDays(t.startDate, d));
        for (const [i, line] of s.lines.entries()) {
          // a payment that clears the loan settles it (a level instalment in multiples can clear it a line early)
          if (book.fallenDue === s.lines.length) expect(line.principal).toBe('0.00');
          if (book.fallenDue === s.lines.length) continue;
          const fell = fallDue(book);
          expect(fell.interest).toBe(line.interest);
          const due = Money.of(fell.book.due.interest).plus(Money.of(fell.book.due.principal));
          book = applyPayment(fell.book, book.lines[i].dueDay, `P${i}`, due.toString()).book;
        }
        expect(book.outstanding).toBe('0.00');
      }),
      { numRuns: 200 },
    );
  });
});

describe('due dates rolled over the working days', () => {
  const base: LoanTerms = {
    principal: '100000.00',
    annualRate: '0.05',
    dayCount: 'ACT/365F',
    amortisation: 'EQUAL_PRINCIPAL',
    startDate: '2027-01-31',
    instalments: 3,
  };

  it('following moves a Sunday 28 February to Monday 1 March, and the interest days with it', () => {
    const s = schedule({ ...base, dueDateRoll: 'FOLLOWING' }, weekdays);
    expect(s.lines.map((l) => [l.dueDate, l.days])).toEqual([
      ['2027-03-01', 29],
      ['2027-03-31', 30],
      ['2027-04-30', 30],
    ]);
  });

  it('modified following keeps it in February: Friday 26 February', () => {
    const s = schedule({ ...base, dueDateRoll: 'MODIFIED_FOLLOWING' }, weekdays);
    expect(s.lines.map((l) => [l.dueDate, l.days])).toEqual([
      ['2027-02-26', 26],
      ['2027-03-31', 33],
      ['2027-04-30', 30],
    ]);
  });

  it('without a roll convention, or with every day working, nothing moves', () => {
    expect(schedule(base, weekdays)).toEqual(schedule(base));
    expect(schedule({ ...base, dueDateRoll: 'FOLLOWING' })).toEqual(schedule(base));
  });
});
