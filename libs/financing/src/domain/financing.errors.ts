import { errorCatalogue } from '@caravan/errors';

export const FinancingErrors = errorCatalogue('FINANCING', {
  ABOVE_AUTHORITY: { kind: 'forbidden', summary: 'the amount is above the approver’s authority: the approval would not count' },
  ABOVE_MAXIMUM: { kind: 'unprocessable', summary: 'the amount is above what the asset can finance' },
  ALREADY_APPROVED_BY_YOU: { kind: 'forbidden', summary: 'you have already approved this financing' },
  ASSET_NOT_ELIGIBLE: { kind: 'conflict', summary: 'the asset is not in the state financing needs' },
  BANK_NOT_FOUND: { kind: 'not_found', summary: 'no such bank on the platform' },
  BAD_PAYMENT: { kind: 'invalid', summary: 'a payment needs a positive decimal amount, its bank reference and real dates' },
  BAD_QUANTITY: { kind: 'invalid', summary: 'quantity must be a positive decimal string' },
  BELOW_LTV_LINE: { kind: 'unprocessable', summary: 'after this release the goods left would not cover the loan at the LTV line' },
  CONVENTIONS_CLASH: { kind: 'invalid', summary: 'the loan’s conventions do not go together, or one lacks what it needs' },
  ILLEGAL_TRANSITION: { kind: 'conflict', summary: 'the financing cannot take this step from its stage' },
  INVALID_TERMS: { kind: 'invalid', summary: 'the financing’s terms are invalid (method, instalments, dates)' },
  MAINTENANCE_BELOW_LTV: { kind: 'invalid', summary: 'the maintenance line must not be below the LTV line' },
  NOT_AT_THIS_STEP: { kind: 'conflict', summary: 'the financing is not at the step this action belongs to, or has ended' },
  NOT_A_BANK: { kind: 'invalid', summary: 'bankId must name a bank on the platform' },
  NOT_COLLATERAL: { kind: 'invalid', summary: 'this receipt does not secure this financing' },
  NOT_FOUND: { kind: 'not_found', summary: 'no such financing, or not one you may see' },
  NOT_IN_CALENDAR: { kind: 'unprocessable', summary: 'a due date falls in a year the working-day calendar has no arrangement for yet' },
  NOT_RECOMMENDED: { kind: 'forbidden', summary: 'the credit officer has not recommended the financing yet' },
  NOT_YOURS: { kind: 'forbidden', summary: 'this step belongs to another party of the financing' },
  OFFER_CHANGED: { kind: 'conflict', summary: 'the offer now starts another day: read it again, then accept' },
  OWN_RECOMMENDATION: { kind: 'forbidden', summary: 'nobody approves their own recommendation' },
  QUOTE_EXPIRED: { kind: 'conflict', summary: 'the quote’s validity has passed: ask for a new trial' },
  QUOTE_MISMATCH: { kind: 'unprocessable', summary: 'the application is not what the quote priced' },
  QUOTE_NOT_FOUND: { kind: 'not_found', summary: 'no such quote, or not one you may see' },
  QUOTE_USED: { kind: 'conflict', summary: 'the quote was applied with already: ask for a new trial' },
  RATE_OUT_OF_BOUNDS: { kind: 'invalid', summary: 'the rate is outside the bounds the bank set for the product' },
  REASON_REQUIRED: { kind: 'invalid', summary: 'a rejection needs a reason' },
  UNSOUND_TIERS: {
    kind: 'invalid',
    summary: 'the approval tiers are unsound (bounds ascend, the last is unbounded, 1 to 5 approvals each)',
  },
});

export const PaymentErrors = errorCatalogue('PAYMENT', {
  FAILED: { kind: 'unprocessable', summary: 'the bank refused the payment' },
  INSTRUCTION_MISMATCH: {
    kind: 'conflict',
    summary: 'this payment instruction was given before for another amount, currency or beneficiary',
  },
  NOT_FOUND: { kind: 'not_found', summary: 'no such payment' },
  PENDING: { kind: 'conflict', summary: 'the bank has not settled the payment yet' },
});
