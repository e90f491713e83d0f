import { errorCatalogue } from '@caravan/errors';

export const DualControlErrors = errorCatalogue('DUAL_CONTROL', {
  ALREADY_PENDING: { kind: 'conflict', summary: 'a request for this change already awaits approval' },
  NOT_A_CHECKER: { kind: 'forbidden', summary: 'your role cannot approve this change' },
  NOT_A_MAKER: { kind: 'forbidden', summary: 'your role cannot ask for this change' },
  NOT_FOUND: { kind: 'not_found', summary: 'no such request' },
  NOT_PENDING: { kind: 'conflict', summary: 'the request was already approved, rejected or withdrawn' },
  NOT_YOUR_REQUEST: { kind: 'forbidden', summary: 'only the person who asked can withdraw a request' },
  OWN_REQUEST: { kind: 'forbidden', summary: 'nobody approves their own request: a second person must' },
  UNKNOWN_KIND: { kind: 'invalid', summary: 'no change of this kind is known' },
});
