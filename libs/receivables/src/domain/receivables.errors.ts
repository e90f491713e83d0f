import { errorCatalogue } from '@caravan/errors';

export const ReceivableErrors = errorCatalogue('RECEIVABLE', {
  ALREADY_DECIDED: { kind: 'conflict', summary: 'the debtor has already answered' },
  AMOUNT_NOT_POSITIVE: { kind: 'invalid', summary: 'amount must be greater than zero' },
  CURRENCY_MISMATCH: { kind: 'invalid', summary: 'a dilution is in the receivable’s currency' },
  DEBTOR_NOT_CORE_ENTERPRISE: { kind: 'invalid', summary: 'debtorId must name a core enterprise on the platform' },
  DILUTION_EXCEEDS_ELIGIBLE: { kind: 'unprocessable', summary: 'the dilution exceeds what is left eligible' },
  DISPUTE_REASON_REQUIRED: { kind: 'invalid', summary: 'a dispute needs a reason' },
  DOCUMENT_EMPTY: { kind: 'invalid', summary: 'the document is empty' },
  DOCUMENT_NOT_FOUND: { kind: 'not_found', summary: 'no such document' },
  DOCUMENT_TOO_LARGE: { kind: 'invalid', summary: 'the document is larger than allowed' },
  DOCUMENT_TYPE: { kind: 'invalid', summary: 'documents are PDF, JPEG, PNG, XML or OFD' },
  DUE_BEFORE_ISSUE: { kind: 'invalid', summary: 'dueDate must not be before issueDate' },
  DUPLICATE_DILUTION: { kind: 'conflict', summary: 'this dilution is already recorded' },
  DUPLICATE_INVOICE: { kind: 'conflict', summary: 'this invoice of this creditor to this debtor is already registered' },
  ILLEGAL_TRANSITION: { kind: 'conflict', summary: 'a cancelled receivable takes no documents' },
  NOT_AWAITING_CONFIRMATION: { kind: 'conflict', summary: 'the receivable is not awaiting the debtor’s confirmation' },
  NOT_DEBTOR: { kind: 'forbidden', summary: 'only the debtor of the receivable may answer' },
  NOT_DILUTABLE: { kind: 'conflict', summary: 'a receivable in this status cannot be diluted' },
  NOT_FOUND: { kind: 'not_found', summary: 'no such receivable, or not one you may see' },
  SELF_DEBT: { kind: 'invalid', summary: 'the debtor must be another organisation' },
});
