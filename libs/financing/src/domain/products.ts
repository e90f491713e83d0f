import type { RepaymentMethod } from './schedule';

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

/** The repayment a product's financing runs on: the SME's choice where it has one. */
export function repaymentOf(
  product: Product,
  asked: { method?: RepaymentMethod; instalments?: number },
): { method: RepaymentMethod; instalments: number } {
  const method = PRODUCTS[product].choosesRepayment ? (asked.method ?? 'BULLET') : 'BULLET';
  return { method, instalments: method === 'BULLET' ? 1 : (asked.instalments ?? 6) };
}
