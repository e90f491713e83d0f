import { errorCatalogue } from '@caravan/errors';

export const ReconciliationErrors = errorCatalogue('RECONCILIATION', {
  ACCOUNT_NOT_FOUND: { kind: 'not_found', summary: 'the bank has no such account registered' },
  ACCOUNT_REQUIRED: { kind: 'invalid', summary: 'a CSV import names its account' },
  ALREADY_REVERSED: { kind: 'conflict', summary: 'this match was already undone' },
  ALREADY_SETTLED: { kind: 'conflict', summary: 'the expected movement is already settled' },
  BAD_PERIOD: { kind: 'invalid', summary: 'from must not be after to' },
  BAD_STATEMENT: { kind: 'invalid', summary: 'the statement cannot be read or does not balance (the line and reason are in the detail)' },
  DECISION_NOT_FOUND: { kind: 'not_found', summary: 'no such match' },
  DUPLICATE_STATEMENT: { kind: 'conflict', summary: 'this statement was already imported' },
  EXPECTED_NOT_FOUND: { kind: 'not_found', summary: 'an expected movement was not found' },
  IMPORTS_BUSY: { kind: 'too_many', summary: 'the bank’s statement imports are all busy: try again shortly' },
  LINE_DECIDED: { kind: 'conflict', summary: 'the statement line is already matched, written off or ignored' },
  LINE_NOT_FOUND: { kind: 'not_found', summary: 'a statement line was not found' },
  MAPPING_WITHOUT_AMOUNT: { kind: 'invalid', summary: 'map an amount column, or both debit and credit' },
  MISMATCHED_PAYMENT: {
    kind: 'unprocessable',
    summary: 'the lines do not fit the expected movements (currency, direction, or amount beyond the tolerance)',
  },
  NOT_A_SUGGESTION: { kind: 'conflict', summary: 'the decision is not a suggestion' },
  NO_CSV_MAPPING: { kind: 'unprocessable', summary: 'no CSV column mapping is saved for this account' },
  PAYMENT_ALLOCATED: { kind: 'conflict', summary: 'the financing has allocated this payment; a refund, not an unmatch, takes it back' },
  REASON_REQUIRED: { kind: 'invalid', summary: 'writing off needs a reason' },
  RULE_WITHOUT_CRITERION: { kind: 'invalid', summary: 'a rule names a bank transaction code, a text, or both' },
  RUN_NOT_FOUND: { kind: 'not_found', summary: 'no such reconciliation run' },
  RUN_WITHOUT_BANK: { kind: 'conflict', summary: 'this run predates per-bank runs; each bank runs its own now' },
  STATEMENT_TOO_LARGE: { kind: 'too_large', summary: 'the statement file is larger than allowed' },
});
