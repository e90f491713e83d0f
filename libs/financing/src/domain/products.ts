import { FinancingErrors } from './financing.errors';
import type { DomainError } from '@caravan/errors';
import { productTerms } from './schedule-terms';
import type { Amortisation, LoanTerms, RateBounds, RepaymentFrequency, RepaymentMethod } from './schedule-terms';

export type Product = 'RECEIVABLE_FINANCING' | 'WAREHOUSE_RECEIPT_LOAN';

/** Which of the bank's policy caps bounds a product's financed share of its asset's worth. */
export type RatioCap = 'maxAdvanceRate' | 'maxLtv';

/** What tells the financing products apart, in one place (PRODUCT.md "Financing products"). */
export interface ProductRules {
  readonly assetType: 'RECEIVABLE' | 'WAREHOUSE_RECEIPT';
  /** The loan number's prefix: RF-2026-000001, WR-2026-000001. */
  readonly refPrefix: string;
  /** Who repays: the receivable's debtor (the counterparty) or the borrowing SME. */
  readonly payer: 'COUNTERPARTY' | 'BORROWER';
  readonly ratioCap: RatioCap;
  /** Whether the SME chooses how to repay; otherwise one bullet at the receivable's due date. */
  readonly choosesRepayment: boolean;
  /** Goods secure the loan: their value is watched against the maintenance line. */
  readonly securedByGoods: boolean;
  /** The buyer's default falls back on the SME (recourse) or on the bank, as agreed. */
  readonly recourse: boolean;
}

export const PRODUCTS: Readonly<Record<Product, ProductRules>> = {
  RECEIVABLE_FINANCING: {
    assetType: 'RECEIVABLE',
    refPrefix: 'RF',
    payer: 'COUNTERPARTY',
    ratioCap: 'maxAdvanceRate',
    choosesRepayment: false,
    securedByGoods: false,
    recourse: true,
  },
  WAREHOUSE_RECEIPT_LOAN: {
    assetType: 'WAREHOUSE_RECEIPT',
    refPrefix: 'WR',
    payer: 'BORROWER',
    ratioCap: 'maxLtv',
    choosesRepayment: true,
    securedByGoods: true,
    recourse: false,
  },
};

export const PRODUCT_NAMES = Object.keys(PRODUCTS) as Product[];

/** How a bank's product counts, beyond its rate and day count: the calculator's conventions (schedule-terms.ts). */
export type ProductConventions = Pick<
  LoanTerms,
  | 'interestType'
  | 'flatBasis'
  | 'principalPercent'
  | 'interestSettlement'
  | 'repaymentDay'
  | 'firstPeriod'
  | 'rounding'
  | 'grace'
  | 'fees'
  | 'penaltyMultiple'
  | 'compoundRate'
  | 'compoundMultiple'
  | 'dueDateRoll'
>;

const FIRST_METHODS: readonly Amortisation[] = ['BULLET', 'EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'];

/** What the SME asked for, and what the bank's product lets it choose. */
export interface RepaymentChoice {
  method?: Amortisation;
  instalments?: number;
  repaymentFrequency?: RepaymentFrequency;
}

export interface RepaymentOptions {
  amortisations?: readonly Amortisation[];
  repaymentFrequencies?: readonly RepaymentFrequency[];
  maxInstalments?: number;
}

/**
 * The repayment a product's financing runs on: the SME's choice where it has one, within what
 * the bank's product offers (the first three methods, monthly, when it names nothing). The
 * first three methods keep their older field, so their terms, and their schedules, stay as
 * they were.
 */
export function repaymentOf(
  product: Product,
  asked: RepaymentChoice,
  options: RepaymentOptions = {},
): { method?: RepaymentMethod; amortisation?: Amortisation; instalments: number; repaymentFrequency?: RepaymentFrequency } {
  const chosen = PRODUCTS[product].choosesRepayment ? (asked.method ?? 'BULLET') : 'BULLET';
  const offered = options.amortisations ?? FIRST_METHODS;
  if (!offered.includes(chosen)) throw FinancingErrors.INVALID_TERMS(`the bank offers ${offered.join(', ')} for this product`, 'method');
  const instalments = chosen === 'BULLET' ? 1 : (asked.instalments ?? 6);
  if (options.maxInstalments && instalments > options.maxInstalments)
    throw FinancingErrors.INVALID_TERMS(`the bank offers at most ${options.maxInstalments} instalments`, 'instalments');
  const frequency = PRODUCTS[product].choosesRepayment ? asked.repaymentFrequency : undefined;
  if (frequency && !(options.repaymentFrequencies ?? ['MONTHLY']).includes(frequency))
    throw FinancingErrors.INVALID_TERMS(
      `the bank offers ${(options.repaymentFrequencies ?? ['MONTHLY']).join(', ')} repayment`,
      'repaymentFrequency',
    );
  const how = FIRST_METHODS.includes(chosen) ? { method: chosen as RepaymentMethod } : { amortisation: chosen };
  return { ...how, instalments, ...(frequency && frequency !== 'MONTHLY' ? { repaymentFrequency: frequency } : {}) };
}

/**
 * What is wrong with a bank's product, as the calculator sees it: each repayment the SME may
 * choose, computed for a sample loan, with the product's rate inside its bounds. Empty when
 * every choice can be priced.
 */
export function productProblems(
  product: Product,
  pricing: Omit<LoanTerms, 'principal' | 'startDate' | 'instalments'> & { options?: RepaymentOptions; bounds?: RateBounds },
): DomainError[] {
  const { options, bounds, ...conventions } = pricing;
  const methods = PRODUCTS[product].choosesRepayment ? (options?.amortisations ?? FIRST_METHODS) : (['BULLET'] as const);
  for (const method of methods) {
    const instalments = method === 'BULLET' ? 1 : Math.min(6, options?.maxInstalments ?? 6);
    const frequency = PRODUCTS[product].choosesRepayment ? options?.repaymentFrequencies?.[0] : undefined;
    const sample: LoanTerms = {
      ...conventions,
      ...repaymentOf(product, { method, instalments, repaymentFrequency: frequency }, options),
      principal: '1000000.00',
      startDate: '2026-01-05',
      maturityDate: method === 'BULLET' ? '2026-07-05' : undefined,
    };
    const problems = productTerms(sample, bounds);
    if (problems.length > 0) return problems;
  }
  return [];
}
