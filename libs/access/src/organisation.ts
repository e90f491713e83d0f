import { RoleErrors } from './access.errors';

/** PRODUCT.md's five kinds of party. */
export enum OrganisationKind {
  SME = 'SME',
  CORE_ENTERPRISE = 'CORE_ENTERPRISE',
  CUSTODIAN = 'CUSTODIAN',
  BANK = 'BANK',
  OPERATOR = 'OPERATOR',
}

export enum Role {
  APPLICANT = 'APPLICANT',
  FINANCE_MANAGER = 'FINANCE_MANAGER',
  PAYABLES_CLERK = 'PAYABLES_CLERK',
  TREASURER = 'TREASURER',
  CUSTODIAN_OFFICER = 'CUSTODIAN_OFFICER',
  CREDIT_OFFICER = 'CREDIT_OFFICER',
  APPROVER = 'APPROVER',
  TREASURY = 'TREASURY',
  BACK_OFFICE = 'BACK_OFFICE',
  ADMIN = 'ADMIN',
  AUDITOR = 'AUDITOR',
}

/** Which roles a person of each kind of organisation can hold. */
export const ROLES_BY_KIND: Readonly<Record<OrganisationKind, readonly Role[]>> = {
  [OrganisationKind.SME]: [Role.APPLICANT, Role.FINANCE_MANAGER],
  [OrganisationKind.CORE_ENTERPRISE]: [Role.PAYABLES_CLERK, Role.TREASURER],
  [OrganisationKind.CUSTODIAN]: [Role.CUSTODIAN_OFFICER],
  [OrganisationKind.BANK]: [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE],
  [OrganisationKind.OPERATOR]: [Role.ADMIN, Role.AUDITOR],
};

export function assertRolesFitKind(kind: OrganisationKind, roles: readonly Role[]): void {
  const misfit = roles.filter((r) => !ROLES_BY_KIND[kind].includes(r));
  if (misfit.length > 0) {
    throw RoleErrors.ROLE_NOT_FOR_ORGANISATION(
      `${misfit.join(', ')} cannot be held in a ${kind} organisation (allowed: ${ROLES_BY_KIND[kind].join(', ')})`,
      'roles',
    );
  }
}
