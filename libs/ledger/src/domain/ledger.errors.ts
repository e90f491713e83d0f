import { errorCatalogue } from '@caravan/errors';

export const LedgerErrors = errorCatalogue('LEDGER', {
  ALREADY_REVERSED: { kind: 'conflict', summary: 'this entry is already reversed' },
  ENTRY_NOT_FOUND: { kind: 'not_found', summary: 'no such journal entry, or not one you may see' },
  FOUR_EYES: { kind: 'forbidden', summary: 'a person reverses an entry through a request a second person approves' },
  KEY_TAKEN: { kind: 'conflict', summary: 'this idempotency key was used for another entry' },
  NON_POSITIVE_LINE: { kind: 'invalid', summary: 'a line’s amount must be positive' },
  ONE_SIDE_PER_LINE: { kind: 'invalid', summary: 'a line is either a debit or a credit' },
  REVERSAL_OF_REVERSAL: { kind: 'conflict', summary: 'a reversal is not reversed; post a new entry' },
  TOO_FEW_LINES: { kind: 'invalid', summary: 'an entry needs at least two lines' },
  UNBALANCED: { kind: 'invalid', summary: 'the entry’s debits and credits differ' },
});
