import { OrganisationKind, Role } from '@caravan/access';
import { assertSoundSettings, rolesOf, SingleSignOnSettings, usedMultiFactor } from './single-sign-on';

const settings: SingleSignOnSettings = {
  issuer: 'https://login.bank.example/realms/staff',
  clientId: 'caravan',
  scope: 'openid email groups',
  groupsClaim: 'groups',
  redirectUris: ['https://caravan.example/portal/'],
  groups: [
    { group: 'approvers-small', roles: [Role.APPROVER], approvalAuthority: '1000000.00' },
    { group: 'approvers-large', roles: [Role.APPROVER], approvalAuthority: '50000000.00' },
    { group: 'credit', roles: [Role.CREDIT_OFFICER] },
  ],
};

describe('single sign-on settings and what a provider says', () => {
  it('gives the roles of every group held, once, and the largest authority among them', () => {
    expect(rolesOf(settings, ['credit', 'approvers-small', 'approvers-large', 'canteen'])).toEqual({
      roles: [Role.APPROVER, Role.CREDIT_OFFICER],
      approvalAuthority: '50000000.00',
    });
    expect(rolesOf(settings, ['credit'])).toEqual({ roles: [Role.CREDIT_OFFICER], approvalAuthority: null });
    expect(rolesOf(settings, ['canteen'])).toEqual({ roles: [], approvalAuthority: null });
  });

  it('counts a provider’s methods beyond a password as a second factor (RFC 8176)', () => {
    expect(usedMultiFactor(['pwd', 'otp'])).toBe(true);
    expect(usedMultiFactor(['mfa'])).toBe(true);
    expect(usedMultiFactor(['pwd'])).toBe(false);
    expect(usedMultiFactor(undefined)).toBe(false);
    expect(usedMultiFactor('otp')).toBe(false); // not the list the claim is
  });

  it('accepts a bank’s provider over https, or on this machine’s loopback', () => {
    expect(() => assertSoundSettings(OrganisationKind.BANK, settings)).not.toThrow();
    expect(() => assertSoundSettings(OrganisationKind.BANK, { ...settings, issuer: 'http://127.0.0.1:4000' })).not.toThrow();
    expect(() => assertSoundSettings(OrganisationKind.BANK, { ...settings, issuer: 'http://login.bank.example' })).toThrow(
      expect.objectContaining({ code: 'AUTH.SSO_INSECURE_ISSUER' }),
    );
  });

  it('refuses another kind of organisation, roles not a bank’s and authority without approving', () => {
    expect(() => assertSoundSettings(OrganisationKind.SME, settings)).toThrow(expect.objectContaining({ code: 'AUTH.SSO_NOT_A_BANK' }));
    expect(() => assertSoundSettings(OrganisationKind.BANK, { ...settings, groups: [{ group: 'g', roles: [Role.ADMIN] }] })).toThrow(
      expect.objectContaining({ code: 'IDENTITY.ROLE_NOT_FOR_ORGANISATION' }),
    );
    expect(() =>
      assertSoundSettings(OrganisationKind.BANK, {
        ...settings,
        groups: [{ group: 'g', roles: [Role.TREASURY], approvalAuthority: '1.00' }],
      }),
    ).toThrow(expect.objectContaining({ code: 'AUTH.SSO_AUTHORITY_WITHOUT_APPROVER' }));
  });
});
