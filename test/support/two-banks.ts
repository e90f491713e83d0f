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
  return { bankId, smeId, as: await signInRival(api) };
}

/** Rival's people signed in afresh (a sweep that calls sign-out-everywhere ends their sessions). */
export async function signInRival(api: TestApi): Promise<Rival['as']> {
  const emails: Array<[RivalPerson, string]> = [
    ...Object.entries(RIVAL.people).map(([key, person]): [RivalPerson, string] => [key as RivalPerson, person.email]),
    ['otherSme', RIVAL.smePeople.applicant.email],
  ];
  const as = {} as Record<RivalPerson, TokenAgent>;
  for (const [key, email] of emails) {
    api.forget(email);
    as[key] = await api.as(email);
  }
  return as;
}

/** The first bank's and its customers' rows, fingerprinted from the owner's view. */
export function fingerprint(api: TestApi, bankId: string, smeId: string): Promise<Record<string, string>> {
  return fingerprintOf((sql, params) => api.owner.query(sql, params), bankId, smeId);
}
