import { fingerprint as fingerprintOf, onboardRival as onboard, RIVAL } from '../../scripts/two-banks';
import type { TestApi, TokenAgent } from './api';

export type RivalPerson = keyof typeof RIVAL.people | 'otherSme';

export interface Rival {
  bankId: string;
  smeId: string;
  as: Record<RivalPerson, TokenAgent>;
}

/** Rival Bank (every bank role) and another SME onboarded, and their people signed in. */
export async function onboardRival(api: TestApi): Promise<Rival> {
  const { bankId, smeId } = await onboard(api.client);
  const as = {} as Record<RivalPerson, TokenAgent>;
  for (const [key, person] of Object.entries(RIVAL.people)) as[key as RivalPerson] = await api.as(person.email);
  as.otherSme = await api.as(RIVAL.smePeople.applicant.email);
  return { bankId, smeId, as };
}

/** The first bank's and its customers' rows, fingerprinted from the owner's view. */
export function fingerprint(api: TestApi, bankId: string, smeId: string): Promise<Record<string, string>> {
  return fingerprintOf((sql, params) => api.owner.query(sql, params), bankId, smeId);
}
