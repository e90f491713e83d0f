import type { DomainError } from '@caravan/errors';
import { Money } from '@caravan/money';
import type { Deadlines, FinancingTerms } from '../api/financing.contract';
import type { ApprovalTier } from '../domain/approval';
import { FinancingErrors } from '../domain/financing.errors';
import type { Product } from '../domain/products';
import type { Schedule } from '../domain/schedule';
import type { Amortisation, RepaymentFrequency } from '../domain/schedule-terms';

/** A trial's answer, kept: the terms of one policy version priced for one asset and amount, and until when they hold. */
export interface Quote {
  quoteId: string;
  smeId: string;
  bankId: string;
  product: Product;
  assetId: string;
  amount: string;
  currency: string;
  /** The most the asset can finance under this policy version. */
  maxAmount: string;
  /** The bank's policy version the quote priced with (0: the platform default). */
  policyVersion: number;
  terms: FinancingTerms;
  tiers: ApprovalTier[];
  deadlines: Deadlines;
  /** The business date the schedule starts on: the day of the trial. */
  startDate: string;
  schedule: Schedule;
  /** The last business date the quote may be applied with (to the end of that day in the bank's time zone). */
  validThrough: string;
  /** The financing that applied with it; a quote is applied once. */
  financingId: string | null;
}

/** What the application states; it must be what was quoted. */
export interface QuotedApplication {
  product: Product;
  assetId: string;
  bankId: string;
  amount: string;
  method?: Amortisation;
  instalments?: number;
  repaymentFrequency?: RepaymentFrequency;
  /** Receivable financing: whether the bank may turn to the SME if the buyer does not pay. */
  recourse?: boolean;
}

/** Why an application may not use the quote on `today` (a business date), or null when it may. */
export function quoteRefusal(quote: Quote, a: QuotedApplication, today: string): DomainError | null {
  if (quote.financingId) return FinancingErrors.QUOTE_USED(`quote ${quote.quoteId} was applied with already`, 'quoteId');
  if (today > quote.validThrough)
    return FinancingErrors.QUOTE_EXPIRED(`quote ${quote.quoteId} held through ${quote.validThrough}`, 'quoteId');
  const differs: Array<[keyof QuotedApplication, boolean]> = [
    ['bankId', a.bankId !== quote.bankId],
    ['product', a.product !== quote.product],
    ['assetId', a.assetId !== quote.assetId],
    ['amount', !Money.of(a.amount, quote.currency).equals(Money.of(quote.amount, quote.currency))],
    ['method', a.method !== undefined && a.method !== (quote.terms.amortisation ?? quote.terms.method)],
    ['repaymentFrequency', a.repaymentFrequency !== undefined && a.repaymentFrequency !== (quote.terms.repaymentFrequency ?? 'MONTHLY')],
    ['instalments', a.instalments !== undefined && a.instalments !== quote.terms.instalments],
    ['recourse', a.recourse !== undefined && a.recourse !== quote.terms.recourse],
  ];
  const field = differs.find(([, differ]) => differ)?.[0];
  return field ? FinancingErrors.QUOTE_MISMATCH(`${field} is not what quote ${quote.quoteId} priced`, field) : null;
}
