import type { DomainError } from '@caravan/errors';
import { Dec } from '@caravan/money';
import { FinancingErrors } from './financing.errors';

// The loan conventions the calculator speaks, as calculator terms (a bank's products store
// them as policy data). Every field added after the first three methods is optional, and its
// absence means what the calculator did before, so recorded workflows replay unchanged.

/** The first three methods; `amortisation` supersedes `method` and accepts these too. */
export type RepaymentMethod = 'BULLET' | 'EQUAL_INSTALMENT' | 'EQUAL_PRINCIPAL';
export type Amortisation = RepaymentMethod | 'FIXED_PRINCIPAL_PERCENT' | 'INTEREST_ONLY';
/** DECLINING: on the balance outstanding. FLAT: on the original principal, every period. */
export type InterestType = 'DECLINING' | 'FLAT';
/** How flat interest is measured: each period's share of the year, or the whole term's actual days spread over the periods. */
export type FlatBasis = 'PER_PERIOD' | 'ACTUAL_DAYS';
export type RepaymentFrequency = 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'AT_MATURITY';

/**
 * Day counts. 'ACT/365' is the older name of ACT/365F. '30/360' is the older rule (day 31 → 30
 * only), kept as it was for recorded loans; new products take '30/360-US' or '30E/360'.
 * PERIODIC-12: annual / 12 per whole month whatever its days (broken days at annual / 360).
 */
export type DayCountConvention = 'ACT/360' | 'ACT/365F' | 'ACT/ACT-ISDA' | '30/360-US' | '30E/360' | 'ACT/364' | 'PERIODIC-12';
export type DayCount = DayCountConvention | 'ACT/365' | '30/360';
export const DAY_COUNTS: readonly DayCount[] = [
  'ACT/360',
  'ACT/365F',
  'ACT/ACT-ISDA',
  '30/360-US',
  '30E/360',
  'ACT/364',
  'PERIODIC-12',
  'ACT/365',
  '30/360',
];

export type RoundingMode = 'HALF_UP' | 'HALF_EVEN';
export interface Rounding {
  /** Half-up (四舍五入) by default. */
  mode: RoundingMode;
  /** The level instalment rounded to a multiple of 1, 10 or 100 units; the last absorbs the rest. */
  instalmentMultiple?: '1' | '10' | '100';
}

/** Interest paid on its own dates (按季结息: the 20th of each quarter's last month), principal per the amortisation. */
export interface InterestSettlement {
  frequency: 'MONTHLY' | 'QUARTERLY';
  /** Day of the settlement month; the period's own day when absent. */
  day?: number;
}

/** Periods without principal, and periods whose interest is paid with the next instalment. */
export interface Grace {
  principalPeriods?: number;
  interestPeriods?: number;
}

export interface Fee {
  kind: 'UPFRONT' | 'PER_PERIOD';
  /** On the principal. */
  rate?: string;
  /** A fixed amount. */
  amount?: string;
}

export type DueDateRoll = 'NONE' | 'FOLLOWING' | 'MODIFIED_FOLLOWING';

/** Which dates are working days (the business calendar); every day works by default. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
}

export const EVERY_DAY_WORKS: WorkingDays = { isWorkingDay: () => true };

export interface LoanTerms {
  principal: string;
  currency?: string;
  /** Nominal annual rate as a decimal string: "0.0435" is 4.35% a year. */
  annualRate: string;
  dayCount: DayCount;
  /** The older name of `amortisation`; one of the two is given. */
  method?: RepaymentMethod;
  amortisation?: Amortisation;
  /** DECLINING by default. */
  interestType?: InterestType;
  /** FLAT only: a regular period's share of the year each period (PER_PERIOD, the default), or the whole term by its actual days spread evenly (ACTUAL_DAYS). */
  flatBasis?: FlatBasis;
  /** FIXED_PRINCIPAL_PERCENT: each instalment's principal as a share of the principal ("0.1"); the last takes the balloon. */
  principalPercent?: string;
  /** MONTHLY by default (AT_MATURITY for a bullet). */
  repaymentFrequency?: RepaymentFrequency;
  interestSettlement?: InterestSettlement;
  /** Disbursement date, YYYY-MM-DD. */
  startDate: string;
  /** Number of instalments; a bullet has one, at `maturityDate` when given. */
  instalments: number;
  /** A bullet's or a settled-interest loan's maturity (receivable financing: the invoice's due date). */
  maturityDate?: string;
  /** The first instalment's date; the later ones follow it by the frequency. */
  firstDueDate?: string;
  /** Monthly and quarterly: a fixed day of the month (1–31, clamped to the month's end). */
  repaymentDay?: number;
  /** With `repaymentDay`: a first period shorter than the frequency (SHORT, the default) or longer (LONG). */
  firstPeriod?: 'SHORT' | 'LONG';
  rounding?: Rounding;
  grace?: Grace;
  /** Charged once at disbursement, on the principal (the older form of an UPFRONT fee). */
  upfrontFeeRate?: string;
  fees?: Fee[];
  /** 罚息: penalty on overdue principal as a multiple of the contract rate ("1.5"). */
  penaltyMultiple?: string;
  /** 复利: interest on overdue interest, as an annual rate … */
  compoundRate?: string;
  /** … or as a multiple of the contract rate. */
  compoundMultiple?: string;
  dueDateRoll?: DueDateRoll;
}

/** A bank's bounds on what a product may be priced at. */
export interface RateBounds {
  minRate?: string;
  maxRate?: string;
}

const NEWER_FIELDS = [
  'amortisation',
  'interestType',
  'flatBasis',
  'principalPercent',
  'repaymentFrequency',
  'interestSettlement',
  'firstDueDate',
  'repaymentDay',
  'firstPeriod',
  'rounding',
  'grace',
  'fees',
  'penaltyMultiple',
  'compoundRate',
  'compoundMultiple',
  'dueDateRoll',
] as const;

/**
 * Whether the terms use a convention newer than the first three methods: books of older terms
 * keep counting as they always did, so workflows recorded before replay to the same commands.
 */
export function usesNewerConventions(terms: Partial<LoanTerms>): boolean {
  return !['ACT/360', 'ACT/365', '30/360', undefined].includes(terms.dayCount) || NEWER_FIELDS.some((f) => terms[f] !== undefined);
}

export function amortisationOf(terms: LoanTerms): Amortisation {
  return terms.amortisation ?? terms.method ?? 'BULLET';
}

const isDate = (d: string | undefined) => d === undefined || /^\d{4}-\d{2}-\d{2}$/.test(d);
const isDecimal = (v: string | undefined) => v === undefined || /^\d{1,15}(\.\d{1,12})?$/.test(v);

/**
 * What is wrong with a set of terms, each as a stable error code naming its field; empty
 * when the calculator can compute them. Pure, so the portal, the product's maker–checker and
 * the calculator check alike.
 */
export function productTerms(terms: LoanTerms, bounds: RateBounds = {}): DomainError[] {
  const problems = [...shapeProblems(terms), ...conventionProblems(terms)];
  if (problems.length || !isDecimal(terms.annualRate)) return problems;
  const rate = new Dec(terms.annualRate);
  if (bounds.minRate && rate.lessThan(bounds.minRate))
    problems.push(FinancingErrors.RATE_OUT_OF_BOUNDS(`annualRate is below the product's ${bounds.minRate}`, 'annualRate'));
  if (bounds.maxRate && rate.greaterThan(bounds.maxRate))
    problems.push(FinancingErrors.RATE_OUT_OF_BOUNDS(`annualRate is above the product's ${bounds.maxRate}`, 'annualRate'));
  return problems;
}

function shapeProblems(terms: LoanTerms): DomainError[] {
  const problems: DomainError[] = [];
  const bad = (field: string, message: string) => problems.push(FinancingErrors.INVALID_TERMS(message, field));
  if (!Number.isInteger(terms.instalments) || terms.instalments < 1 || terms.instalments > 360)
    bad('instalments', 'instalments must be 1 to 360');
  if (amortisationOf(terms) === 'BULLET' && terms.instalments !== 1) bad('instalments', 'a bullet loan has one instalment');
  if (!isDecimal(terms.annualRate) || new Dec(terms.annualRate || '0').greaterThan(1))
    bad('annualRate', 'annualRate must be between 0 and 1');
  for (const f of ['startDate', 'maturityDate', 'firstDueDate'] as const) if (!isDate(terms[f])) bad(f, `${f} must be YYYY-MM-DD`);
  if (terms.maturityDate && terms.maturityDate <= terms.startDate) bad('maturityDate', 'maturity must be after the start');
  if (terms.firstDueDate && terms.firstDueDate <= terms.startDate) bad('firstDueDate', 'the first due date must be after the start');
  if (terms.repaymentDay !== undefined && !(Number.isInteger(terms.repaymentDay) && terms.repaymentDay >= 1 && terms.repaymentDay <= 31))
    bad('repaymentDay', 'repaymentDay must be 1 to 31');
  for (const f of ['principalPercent', 'penaltyMultiple', 'compoundRate', 'compoundMultiple', 'upfrontFeeRate'] as const)
    if (!isDecimal(terms[f])) bad(f, `${f} must be a non-negative decimal string`);
  if (!DAY_COUNTS.includes(terms.dayCount)) bad('dayCount', `unknown day count ${String(terms.dayCount)}`);
  return problems;
}

/** 1 − percent × the instalments before the last that repay principal: the balloon's share, when at least one settles the loan early. */
function emptyBalloon(terms: LoanTerms, pct: string): Dec {
  const amortising = terms.instalments - 1 - (terms.grace?.principalPeriods ?? 0);
  return new Dec(pct).times(Math.max(0, amortising)).minus(1);
}

function conventionProblems(terms: LoanTerms): DomainError[] {
  const problems: DomainError[] = [];
  const clash = (field: string, message: string) => problems.push(FinancingErrors.CONVENTIONS_CLASH(message, field));
  const amortisation = amortisationOf(terms);
  const pct = terms.principalPercent;
  if (amortisation === 'FIXED_PRINCIPAL_PERCENT' && (!pct || !new Dec(pct).greaterThan(0) || new Dec(pct).greaterThan(1)))
    clash('principalPercent', 'a fixed principal percentage needs principalPercent above 0 and at most 1');
  else if (amortisation === 'FIXED_PRINCIPAL_PERCENT' && pct && !emptyBalloon(terms, pct).isNegative())
    clash('principalPercent', 'the percentage repays everything before the last instalment: the balloon would be empty');
  if (terms.interestSettlement && !terms.maturityDate) clash('maturityDate', 'interest settled on its own dates needs a maturity date');
  if (terms.interestSettlement && !['INTEREST_ONLY', 'BULLET'].includes(amortisation))
    clash('interestSettlement', 'interest settled on its own dates goes with principal at maturity');
  if (terms.repaymentDay !== undefined && terms.firstDueDate) clash('repaymentDay', 'give a repayment day or a first due date, not both');
  if (terms.repaymentDay !== undefined && terms.repaymentFrequency === 'WEEKLY')
    clash('repaymentDay', 'a repayment day of the month needs monthly or quarterly repayment');
  if (terms.dayCount === 'PERIODIC-12' && terms.repaymentFrequency === 'WEEKLY')
    clash('dayCount', 'PERIODIC-12 counts months: weekly repayment takes a day count');
  if (terms.repaymentFrequency === 'AT_MATURITY' && terms.instalments !== 1) clash('instalments', 'at maturity means one instalment');
  const { principalPeriods = 0, interestPeriods = 0 } = terms.grace ?? {};
  if (![principalPeriods, interestPeriods].every((g) => Number.isInteger(g) && g >= 0 && g < terms.instalments))
    clash('grace', 'grace must leave at least the last instalment');
  for (const [i, fee] of (terms.fees ?? []).entries())
    if ((fee.rate === undefined) === (fee.amount === undefined) || !isDecimal(fee.rate) || !isDecimal(fee.amount))
      clash(`fees.${i}`, 'a fee has a rate or an amount, as a decimal string');
  return problems;
}
