import type { Actor, Role } from '@caravan/access';
import { DualControlErrors } from './dual-control.errors';

// Four eyes as data: a change that one person may not make alone is a request that a second
// person of the same organisation, holding a checker's role, approves or rejects.

export type RequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED' | 'FAILED';

export interface DualControlRequest<P = unknown> {
  id: string;
  organisationId: string;
  kind: string;
  /** What it changes (an entry, a financing, a policy): one pending request per kind and subject. */
  subject: string;
  payload: P;
  reason: string | null;
  status: RequestStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** Set once the approved change took effect. */
  completedAt: string | null;
  result: unknown;
}

/** Who may ask for a kind of change, and who may approve it. */
export interface Duty {
  makers: readonly Role[];
  checkers: readonly Role[];
}

/** The stable codes of this context's refusals. */
export const DUAL_CONTROL_ERRORS = {
  notFound: () => DualControlErrors.NOT_FOUND('no such request'),
  notAMaker: () => DualControlErrors.NOT_A_MAKER('your role cannot ask for this change'),
  notAChecker: () => DualControlErrors.NOT_A_CHECKER('your role cannot approve this change'),
  ownRequest: () => DualControlErrors.OWN_REQUEST('nobody approves their own request: a second person must'),
  notPending: (status: RequestStatus) => DualControlErrors.NOT_PENDING(`the request is ${status}`),
  alreadyPending: () => DualControlErrors.ALREADY_PENDING('a request for this change already awaits approval'),
  notYours: () => DualControlErrors.NOT_YOUR_REQUEST('only the person who asked can withdraw a request'),
  unknownKind: (kind: string) => DualControlErrors.UNKNOWN_KIND(`no change of kind ${kind} is known`),
} as const;

export function assertMaker(actor: Actor, duty: Duty): void {
  if (!actor.roles.some((r) => duty.makers.includes(r))) throw DUAL_CONTROL_ERRORS.notAMaker();
}

/**
 * Why this person may not decide the request, if they may not: it is settled already, it is
 * their own, or their role is not a checker's. An approved change whose effect did not land
 * yet (its financing was unreachable) may be approved again, to try once more.
 */
export function assertChecker(actor: Actor, request: DualControlRequest, duty: Duty, retrying = false): void {
  const open = request.status === 'PENDING' || (retrying && request.status === 'APPROVED' && request.completedAt === null);
  if (!open) throw DUAL_CONTROL_ERRORS.notPending(request.status);
  if (request.requestedBy === actor.userId) throw DUAL_CONTROL_ERRORS.ownRequest();
  if (!actor.roles.some((r) => duty.checkers.includes(r))) throw DUAL_CONTROL_ERRORS.notAChecker();
}

/** Whether an outcome is a request awaiting a second person (answered 202) rather than the change made. */
export function isDualControlRequest(outcome: unknown): outcome is DualControlRequest {
  return typeof outcome === 'object' && outcome !== null && 'requestedBy' in outcome && 'kind' in outcome;
}
