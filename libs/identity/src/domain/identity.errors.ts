import { errorCatalogue } from '@caravan/errors';

export const AuthErrors = errorCatalogue('AUTH', {
  BUSY: { kind: 'too_many', summary: 'too many sign-ins at once: try again in a moment' },
  FORBIDDEN: { kind: 'forbidden', summary: 'your role does not allow this action' },
  INVALID_CREDENTIALS: { kind: 'unauthorized', summary: 'e-mail or password is wrong' },
  INVALID_OTP: { kind: 'unauthorized', summary: 'the one-time code is wrong or was used' },
  NO_ENROLMENT: { kind: 'conflict', summary: 'start the enrolment first' },
  OTP_REQUIRED: { kind: 'unauthorized', summary: 'enter the one-time code of your authenticator app' },
  SECOND_FACTOR_REQUIRED: {
    kind: 'forbidden',
    summary: 'your role signs in with a one-time code: enrol an authenticator app, then sign in again',
  },
  SSO_AUTHORITY_WITHOUT_APPROVER: { kind: 'invalid', summary: 'only a group of approvers has an approval authority' },
  SSO_EMAIL_TAKEN: { kind: 'conflict', summary: 'this e-mail belongs to another account in Caravan: ask the platform operator' },
  SSO_EMAIL_UNVERIFIED: { kind: 'forbidden', summary: 'your bank’s provider did not state a verified e-mail' },
  SSO_FAILED: { kind: 'unauthorized', summary: 'the sign-in through your bank did not complete: start again' },
  SSO_INSECURE_ISSUER: { kind: 'invalid', summary: 'the issuer must be an https address (http only on this machine’s loopback)' },
  SSO_MFA_REQUIRED: { kind: 'forbidden', summary: 'your role needs a second factor: your bank’s sign-in did not use one' },
  SSO_NOT_A_BANK: { kind: 'invalid', summary: 'single sign-on is for banks’ officers' },
  SSO_NOT_CONFIGURED: { kind: 'not_found', summary: 'this organisation does not sign in through its own provider' },
  SSO_NO_ROLE: { kind: 'forbidden', summary: 'none of your groups at your bank holds a role in Caravan: ask your bank’s administrator' },
  SSO_PROVIDER_UNAVAILABLE: { kind: 'unprocessable', summary: 'your bank’s sign-in cannot be reached: try again later' },
  SSO_REDIRECT_NOT_REGISTERED: { kind: 'invalid', summary: 'this address is not one the organisation registered to come back to' },
  TOO_MANY_ATTEMPTS: { kind: 'too_many', summary: 'too many failed attempts: try again later (Retry-After says when)' },
  UNAUTHENTICATED: { kind: 'unauthorized', summary: 'a valid, unexpired bearer token is required' },
});

export const IdentityErrors = errorCatalogue('IDENTITY', {
  AUTHORITY_WITHOUT_APPROVER: { kind: 'invalid', summary: 'only an approver has an approval authority' },
  DUPLICATE_CREDIT_CODE: { kind: 'conflict', summary: 'an organisation with this credit code exists' },
  DUPLICATE_EMAIL: { kind: 'conflict', summary: 'a user with this e-mail exists' },
  ORGANISATION_NOT_FOUND: { kind: 'not_found', summary: 'no such organisation, or not one you may see' },
  RESET_REFUSED: { kind: 'invalid', summary: 'the code is wrong, used or expired' },
  SIGNS_IN_THROUGH_PROVIDER: { kind: 'conflict', summary: 'this person signs in through their bank’s provider and has no password here' },
  USER_NOT_FOUND: { kind: 'not_found', summary: 'no such user, or not one you may see' },
  WEAK_PASSWORD: { kind: 'invalid', summary: 'the password is too short, too common or too easy to guess' },
  WRONG_PASSWORD: { kind: 'invalid', summary: 'the current password is wrong' },
});
