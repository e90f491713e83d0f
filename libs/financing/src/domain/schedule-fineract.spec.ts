import { LoanTerms, schedule } from './schedule';

// Published schedules of an established engine, reproduced with the same inputs: the expected
// figures are Apache Fineract's own test assertions (facts carried over, no code). Fineract's
// "interest calculation period: same as repayment period" is annual / 12 whatever the month's
// days, PERIODIC-12 here; its products LP1_* round the level instalment to multiples of 1.

type Row = [dueDate: string, principal: string, interest: string, closing: string];

const table = (terms: LoanTerms) => schedule(terms).lines.map((l): Row => [l.dueDate, l.principal, l.interest, l.closingPrincipal]);

const monthly = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const [y, m, d] = from.split('-').map(Number);
    const k = m - 1 + i;
    return `${y + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  });

/** Rows from Fineract's columns (principal due, interest, balance of loan), dates monthly from the first. */
const rows = (first: string, figures: Array<[string, string, string]>): Row[] =>
  monthly(first, figures.length).map((date, i) => [date, ...figures[i]]);

const fineractLp1: Omit<LoanTerms, 'amortisation' | 'instalments'> = {
  principal: '5000.00',
  currency: 'EUR',
  annualRate: '0.12',
  dayCount: 'PERIODIC-12',
  startDate: '2022-11-01',
  rounding: { mode: 'HALF_UP', instalmentMultiple: '1' },
};

describe('schedule: Apache Fineract golden schedules', () => {
  // apache/fineract integration-tests/src/test/java/org/apache/fineract/integrationtests/LoanAccountRepaymentCalculationTest.java,
  // loanAccountWithDisableDownPaymentWithInstallmentsInMultipleOfNullRepaymentScheduleCalculationTest and
  // loanAccountWithDisableDownPaymentWithInstallmentsInMultipleOfSetAsOneRepaymentScheduleCalculationTest:
  // 1250 at 0% in 3 monthly equal instalments from 3 March 2023 → 416.67, 416.67, 416.66; in multiples of 1 → 417, 417, 416.
  const zeroRate: LoanTerms = {
    principal: '1250.00',
    currency: 'EUR',
    annualRate: '0',
    dayCount: 'PERIODIC-12',
    amortisation: 'EQUAL_INSTALMENT',
    startDate: '2023-03-03',
    instalments: 3,
  };
  it('equal instalments, no multiple (LoanAccountRepaymentCalculationTest)', () => {
    const s = schedule(zeroRate);
    expect(s.lines.map((l) => [l.dueDate, l.payment])).toEqual([
      ['2023-04-03', '416.67'],
      ['2023-05-03', '416.67'],
      ['2023-06-03', '416.66'],
    ]);
  });
  it('equal instalments in multiples of 1, the last absorbing the rest (LoanAccountRepaymentCalculationTest)', () => {
    const s = schedule({ ...zeroRate, rounding: { mode: 'HALF_UP', instalmentMultiple: '1' } });
    expect(s.lines.map((l) => l.payment)).toEqual(['417.00', '417.00', '416.00']);
  });

  // apache/fineract fineract-e2e-tests-runner/src/test/resources/features/Loan.feature (the RS scenarios; later
  // split into Loan-Part*.feature), scenario "RS01 - Repayment Schedule with interest type: flat, interest period:
  // Same as payment period, amortization type: Equal installments" (@TestRailId:C2490).
  it('RS01 flat, equal instalments in multiples of 1', () => {
    const s = schedule({ ...fineractLp1, interestType: 'FLAT', amortisation: 'EQUAL_INSTALMENT', instalments: 18 });
    const balances = Array.from({ length: 17 }, (_, i) => (5000 - 278 * (i + 1)).toFixed(2));
    expect(s.lines.map((l) => [l.dueDate, l.principal, l.interest, l.closingPrincipal])).toEqual(
      rows('2022-12-01', [...balances.map((b): [string, string, string] => ['278.00', '50.00', b]), ['274.00', '50.00', '0.00']]),
    );
    expect([s.totalInterest, s.totalPayable]).toEqual(['900.00', '5900.00']);
  });

  // Same file, "RS02 - Repayment Schedule with interest type: Declining Balance, interest period: Same as payment
  // period, amortization type: Equal installments" (@TestRailId:C2492).
  it('RS02 declining, annual/12 per period, equal instalments in multiples of 1', () => {
    expect(table({ ...fineractLp1, amortisation: 'EQUAL_INSTALMENT', instalments: 18 })).toEqual(
      rows('2022-12-01', [
        ['255.00', '50.00', '4745.00'],
        ['257.55', '47.45', '4487.45'],
        ['260.13', '44.87', '4227.32'],
        ['262.73', '42.27', '3964.59'],
        ['265.35', '39.65', '3699.24'],
        ['268.01', '36.99', '3431.23'],
        ['270.69', '34.31', '3160.54'],
        ['273.39', '31.61', '2887.15'],
        ['276.13', '28.87', '2611.02'],
        ['278.89', '26.11', '2332.13'],
        ['281.68', '23.32', '2050.45'],
        ['284.50', '20.50', '1765.95'],
        ['287.34', '17.66', '1478.61'],
        ['290.21', '14.79', '1188.40'],
        ['293.12', '11.88', '895.28'],
        ['296.05', '8.95', '599.23'],
        ['299.01', '5.99', '300.22'],
        ['300.22', '3.00', '0.00'],
      ]),
    );
  });

  // Same file, "RS03 - Repayment Schedule with interest type: Declining Balance, interest period: Daily, amortization
  // type: Equal installments" (@TestRailId:C2493): interest by the actual days over 365 (29 days of February 2024 too).
  it('RS03 declining, daily interest ACT/365F, equal instalments in multiples of 1', () => {
    expect(table({ ...fineractLp1, dayCount: 'ACT/365F', amortisation: 'EQUAL_INSTALMENT', instalments: 18 })).toEqual(
      rows('2022-12-01', [
        ['255.68', '49.32', '4744.32'],
        ['256.65', '48.35', '4487.67'],
        ['259.26', '45.74', '4228.41'],
        ['266.08', '38.92', '3962.33'],
        ['264.62', '40.38', '3697.71'],
        ['268.53', '36.47', '3429.18'],
        ['270.05', '34.95', '3159.13'],
        ['273.84', '31.16', '2885.29'],
        ['275.59', '29.41', '2609.70'],
        ['278.40', '26.60', '2331.30'],
        ['282.01', '22.99', '2049.29'],
        ['284.11', '20.89', '1765.18'],
        ['287.59', '17.41', '1477.59'],
        ['289.94', '15.06', '1187.65'],
        ['292.90', '12.10', '894.75'],
        ['296.47', '8.53', '598.28'],
        ['298.90', '6.10', '299.38'],
        ['299.38', '2.95', '0.00'],
      ]),
    );
  });

  // Same file, "RS04 - Repayment Schedule with interest type: Declining Balance, interest period: Same as payment
  // period, amortization type: Equal principal payments" (@TestRailId:C2494).
  it('RS04 declining, annual/12 per period, equal principal', () => {
    const s = schedule({ ...fineractLp1, amortisation: 'EQUAL_PRINCIPAL', instalments: 18 });
    expect(s.lines.map((l) => l.interest)).toEqual(
      '50.00 47.22 44.44 41.67 38.89 36.11 33.33 30.56 27.78 25.00 22.22 19.44 16.67 13.89 11.11 8.33 5.56 2.78'.split(' '),
    );
    expect(s.lines.map((l) => l.principal)).toEqual([...Array(17).fill('277.78'), '277.74']);
    expect(s.lines.map((l) => l.payment).slice(0, 3)).toEqual(['327.78', '325.00', '322.22']);
    expect(s.totalInterest).toBe('475.00');
  });

  // Same file, "RS05 - ... Equal installments, Grace on principal payment" (@TestRailId:C2495): 3 periods of grace.
  it('RS05 grace on principal for 3 periods', () => {
    expect(table({ ...fineractLp1, amortisation: 'EQUAL_INSTALMENT', instalments: 18, grace: { principalPeriods: 3 } })).toEqual(
      rows('2022-12-01', [
        ['0.00', '50.00', '5000.00'],
        ['0.00', '50.00', '5000.00'],
        ['0.00', '50.00', '5000.00'],
        ['311.00', '50.00', '4689.00'],
        ['314.11', '46.89', '4374.89'],
        ['317.25', '43.75', '4057.64'],
        ['320.42', '40.58', '3737.22'],
        ['323.63', '37.37', '3413.59'],
        ['326.86', '34.14', '3086.73'],
        ['330.13', '30.87', '2756.60'],
        ['333.43', '27.57', '2423.17'],
        ['336.77', '24.23', '2086.40'],
        ['340.14', '20.86', '1746.26'],
        ['343.54', '17.46', '1402.72'],
        ['346.97', '14.03', '1055.75'],
        ['350.44', '10.56', '705.31'],
        ['353.95', '7.05', '351.36'],
        ['351.36', '3.51', '0.00'],
      ]),
    );
  });

  // Same file, "RS07 - ... Equal installments, Grace on principal payment and setting up interest free period"
  // (@TestRailId:C2497): 6 periods without principal; the first 3 periods' interest is paid with the 4th (200 = 4 × 50).
  it('RS07 grace on principal for 6 periods and on interest for 3', () => {
    const s = table({
      ...fineractLp1,
      amortisation: 'EQUAL_INSTALMENT',
      instalments: 18,
      grace: { principalPeriods: 6, interestPeriods: 3 },
    });
    expect(s.slice(0, 9)).toEqual(
      rows('2022-12-01', [
        ['0.00', '0.00', '5000.00'],
        ['0.00', '0.00', '5000.00'],
        ['0.00', '0.00', '5000.00'],
        ['0.00', '200.00', '5000.00'],
        ['0.00', '50.00', '5000.00'],
        ['0.00', '50.00', '5000.00'],
        ['394.00', '50.00', '4606.00'],
        ['397.94', '46.06', '4208.06'],
        ['401.92', '42.08', '3806.14'],
      ]),
    );
  });

  // apache/fineract integration-tests/src/test/java/org/apache/fineract/integrationtests/LoanFixedPrincipalPercentageAmortizationTest.java:
  // 100,000 at 2% a month (24% a year), daily interest (ACT/365F), 5% of the principal each month, the balloon on the last.
  const fixedPercent: LoanTerms = {
    principal: '100000.00',
    currency: 'USD',
    annualRate: '0.24',
    dayCount: 'ACT/365F',
    amortisation: 'FIXED_PRINCIPAL_PERCENT',
    principalPercent: '0.05',
    startDate: '2011-09-20',
    instalments: 13,
  };
  const pick = (terms: LoanTerms, numbers: number[]) =>
    numbers.map((n) => schedule(terms).lines[n - 1]).map((l) => [l.dueDate, l.principal, l.interest]);

  it('fixed principal 5% with a balloon (checkLoanCreateAndDisburseFlowWithFixedPrincipalPercentage)', () => {
    expect(pick(fixedPercent, [1, 2, 3, 12, 13])).toEqual([
      ['2011-10-20', '5000.00', '1972.60'],
      ['2011-11-20', '5000.00', '1936.44'],
      ['2011-12-20', '5000.00', '1775.34'],
      ['2012-09-20', '5000.00', '917.26'],
      ['2012-10-20', '40000.00', '789.04'],
    ]);
  });

  it('with 6 periods of grace on principal (checkLoanCreateAndDisburseFlowWithFixedPrincipalPercentageWithPrincipalGrace)', () => {
    expect(pick({ ...fixedPercent, instalments: 19, grace: { principalPeriods: 6 } }, [1, 6, 7, 18, 19])).toEqual([
      ['2011-10-20', '0.00', '1972.60'],
      ['2012-03-20', '0.00', '1906.85'],
      ['2012-04-20', '5000.00', '2038.36'],
      ['2013-03-20', '5000.00', '828.49'],
      ['2013-04-20', '40000.00', '815.34'],
    ]);
  });

  it('with flat interest over the term by actual days (checkLoanCreateAndDisburseFlowWithFixedPrincipalPercentageAndFlatInterest)', () => {
    const flat = { ...fixedPercent, interestType: 'FLAT' as const, flatBasis: 'ACTUAL_DAYS' as const };
    expect(pick(flat, [1, 2, 3, 12, 13])).toEqual([
      ['2011-10-20', '5000.00', '2002.95'],
      ['2011-11-20', '5000.00', '2002.95'],
      ['2011-12-20', '5000.00', '2002.95'],
      ['2012-09-20', '5000.00', '2002.95'],
      ['2012-10-20', '40000.00', '2002.96'],
    ]);
  });
});
