import { Money } from '@caravan/money';
import { assertRolesFitKind, OrganisationKind, Role } from '@caravan/access';
import { AuthErrors } from './identity.errors';

// A bank signs its officers in through its own OpenID Connect provider. What Caravan keeps of
// it: where the provider is, Caravan's client there, and which of the provider's groups hold
// which of the bank's roles. The provider says who someone is; the bank's mapping, approved by
// two operator admins, says what they may do here.

export interface GroupRoles {
  group: string;
  roles: Role[];
  /** For approvers: the largest financing the group's members may approve (CNY). */
  approvalAuthority?: string;
}

export interface SingleSignOnSettings {
  issuer: string;
  clientId: string;
  /** The scopes asked for (openid first). */
  scope: string;
  /** The claim of the ID token (or user info) that lists the person's groups. */
  groupsClaim: string;
  /** Where the provider may send the browser back: the portal's addresses registered with it. */
  redirectUris: string[];
  groups: GroupRoles[];
}

export const SSO_ERRORS = {
  notConfigured: () => AuthErrors.SSO_NOT_CONFIGURED('this organisation does not sign in through its own provider'),
  notABank: () => AuthErrors.SSO_NOT_A_BANK('single sign-on is for banks’ officers', 'organisationId'),
  insecureIssuer: () =>
    AuthErrors.SSO_INSECURE_ISSUER('the issuer must be an https address (http only on this machine’s loopback)', 'issuer'),
  redirectNotRegistered: () =>
    AuthErrors.SSO_REDIRECT_NOT_REGISTERED('this address is not one the organisation registered to come back to', 'redirectUri'),
  authorityWithoutApprover: () =>
    AuthErrors.SSO_AUTHORITY_WITHOUT_APPROVER('only a group of approvers has an approval authority', 'groups'),
  failed: () => AuthErrors.SSO_FAILED('the sign-in through your bank did not complete: start again'),
  noRole: () => AuthErrors.SSO_NO_ROLE('none of your groups at your bank holds a role in Caravan: ask your bank’s administrator'),
  multiFactorRequired: () => AuthErrors.SSO_MFA_REQUIRED('your role needs a second factor: your bank’s sign-in did not use one'),
  emailTaken: () => AuthErrors.SSO_EMAIL_TAKEN('this e-mail belongs to another account in Caravan: ask the platform operator'),
  emailUnverified: () => AuthErrors.SSO_EMAIL_UNVERIFIED('your bank’s provider did not state a verified e-mail'),
} as const;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Settings a bank may have: its provider over https, roles of a bank, authority only for approvers. */
export function assertSoundSettings(kind: OrganisationKind, settings: SingleSignOnSettings): void {
  if (kind !== OrganisationKind.BANK) throw SSO_ERRORS.notABank();
  const issuer = new URL(settings.issuer);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname))) throw SSO_ERRORS.insecureIssuer();
  for (const group of settings.groups) {
    assertRolesFitKind(kind, group.roles);
    if (group.approvalAuthority !== undefined && !group.roles.includes(Role.APPROVER)) throw SSO_ERRORS.authorityWithoutApprover();
  }
}

/** The roles a person's groups hold, and the largest approval authority among them. */
export function rolesOf(settings: SingleSignOnSettings, groups: readonly string[]): { roles: Role[]; approvalAuthority: string | null } {
  const held = settings.groups.filter((g) => groups.includes(g.group));
  const roles = [...new Set(held.flatMap((g) => g.roles))].sort();
  const authorities = held.flatMap((g) => (g.approvalAuthority === undefined ? [] : [Money.of(g.approvalAuthority)]));
  const largest = authorities.reduce<Money | null>((max, a) => (max === null || a.compare(max) > 0 ? a : max), null);
  return { roles, approvalAuthority: largest?.toString() ?? null };
}

// RFC 8176 methods that are a factor beyond a password, as providers report them in `amr`.
const MULTI_FACTOR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina', 'vbm', 'sms', 'tel', 'pin']);

/** Whether the provider says the person used more than a password. */
export function usedMultiFactor(amr: unknown): boolean {
  return Array.isArray(amr) && amr.some((m) => MULTI_FACTOR.has(String(m)));
}
