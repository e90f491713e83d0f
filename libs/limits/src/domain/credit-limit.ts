/** PRODUCT.md's limits: per core enterprise (reverse factoring), per SME, and concentration limits. */
export enum LimitKind {
  CORE_ENTERPRISE = 'CORE_ENTERPRISE',
  SME = 'SME',
  DEBTOR_CONCENTRATION = 'DEBTOR_CONCENTRATION',
  COMMODITY_CONCENTRATION = 'COMMODITY_CONCENTRATION',
}

/** What a limit is set on: an organisation's id, or a commodity code for commodity limits. */
export interface LimitSubject {
  kind: LimitKind;
  subject: string;
}
