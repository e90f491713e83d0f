import type { Role } from './organisation';

/** How a person signed in (RFC 8176 method names): a password, and a one-time code. */
export type Method = 'pwd' | 'otp';

/** Whether a person of these roles must present a one-time code: those who approve and pay. */
export function needsSecondFactor(roles: readonly Role[], required: readonly string[]): boolean {
  return roles.some((r) => required.includes(r));
}

/** Whether a session may act: with a code when the roles need one. */
export function mayAct(roles: readonly Role[], methods: readonly Method[], required: readonly string[]): boolean {
  return !needsSecondFactor(roles, required) || methods.includes('otp');
}
