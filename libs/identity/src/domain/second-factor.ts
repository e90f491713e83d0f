import type { Role } from '@caravan/access';

/**
 * How a person signed in (RFC 8176 method names where there is one): a password, a one-time
 * code of Caravan's, through their bank's provider ('fed'), which said it used more than one
 * factor ('mfa').
 */
export type Method = 'pwd' | 'otp' | 'fed' | 'mfa';

/** Whether a person of these roles must present a one-time code: those who approve and pay. */
export function needsSecondFactor(roles: readonly Role[], required: readonly string[]): boolean {
  return roles.some((r) => required.includes(r));
}

/** Whether a session may act: with a second factor (Caravan's code, or the bank provider's) when the roles need one. */
export function mayAct(roles: readonly Role[], methods: readonly Method[], required: readonly string[]): boolean {
  return !needsSecondFactor(roles, required) || methods.includes('otp') || methods.includes('mfa');
}

/** The roles AUTH_SECOND_FACTOR_ROLES names (comma-separated); NONE: nobody must. */
export function rolesNeedingSecondFactor(setting: string): string[] {
  return setting === 'NONE' ? [] : setting.split(',');
}
