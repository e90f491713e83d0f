// Who is signed in and which desk they work at: what the shell and every page share.

import type { Schema } from './api';

/**
 * GET /auth/me: the person, their roles, and whether they sign in with a one-time code, must
 * enrol an authenticator app first, or may (PROVIDER: one's bank's sign-in sees to it).
 */
export type Me = Schema<'UserView'>;

/** Which home a person gets: their organisation's work, by their first role that has one. */
export type Desk = 'sme' | 'buyer' | 'custodian' | 'bank' | 'backOffice' | 'operator';
export function deskOf(roles: string[]): Desk {
  if (roles.some((r) => r === 'APPLICANT' || r === 'FINANCE_MANAGER')) return 'sme';
  if (roles.some((r) => r === 'PAYABLES_CLERK' || r === 'TREASURER')) return 'buyer';
  if (roles.includes('CUSTODIAN_OFFICER')) return 'custodian';
  if (roles.some((r) => r === 'CREDIT_OFFICER' || r === 'APPROVER')) return 'bank';
  if (roles.some((r) => r === 'BACK_OFFICE' || r === 'TREASURY')) return 'backOffice';
  return 'operator';
}
