import { Role } from '@caravan/access';
import type { PersonName } from '@caravan/identity';
import type { FinancingEvent } from '../infrastructure/financing.repository';

// Who did each step of a timeline, as people read it: a person by name and the role they acted
// in, the platform by a code. The workflow records a person by e-mail (their act's name), which
// stays with identity; the roles are those the step's route allows (timeline-actors.spec.ts).

/** PERSON: someone of a party; SYSTEM: the platform's own step (the workflow, reconciliation). */
export type StepActor =
  | { kind: 'PERSON'; name: string | null; role: Role | null; organisation: string | null }
  | { kind: 'SYSTEM'; name: null; role: null; organisation: null };

export type TimelineStep = Omit<FinancingEvent, 'actor'> & { actor: StepActor };

/** The roles whose route records each person's step. */
export const STEP_ROLES: Readonly<Record<string, readonly Role[]>> = {
  'counterparty.confirmed': [Role.PAYABLES_CLERK, Role.TREASURER, Role.CUSTODIAN_OFFICER],
  recommended: [Role.CREDIT_OFFICER],
  approved: [Role.APPROVER],
  'approval.not.counted': [Role.APPROVER],
  rejected: [Role.CREDIT_OFFICER, Role.APPROVER],
  withdrawn: [Role.APPLICANT, Role.FINANCE_MANAGER],
  'offer.accepted': [Role.APPLICANT, Role.FINANCE_MANAGER],
  'goods.released': [Role.APPLICANT, Role.FINANCE_MANAGER, Role.CUSTODIAN_OFFICER],
  'collateral.topped.up': [Role.APPLICANT, Role.FINANCE_MANAGER],
};

const SYSTEM: StepActor = { kind: 'SYSTEM', name: null, role: null, organisation: null };
const isSystem = (actor: string) => actor.startsWith('system:');

/** The e-mail addresses a timeline names people by: what to ask identity about, at once. */
export function peopleIn(events: readonly FinancingEvent[]): string[] {
  return [...new Set(events.filter((e) => !isSystem(e.actor)).map((e) => e.actor.toLowerCase()))];
}

/**
 * Each step with its actor named. A person's role is the one they hold among those the step
 * allows (the step's first when they hold none any more); someone identity does not know stays
 * nameless rather than shown by address.
 */
export function nameActors(
  events: readonly FinancingEvent[],
  people: readonly PersonName[],
  organisations: Map<string, string>,
): TimelineStep[] {
  const byEmail = new Map(people.map((p) => [p.email.toLowerCase(), p]));
  return events.map((e) => {
    if (isSystem(e.actor)) return { ...e, actor: SYSTEM };
    const person = byEmail.get(e.actor.toLowerCase());
    const allowed = STEP_ROLES[e.step] ?? [];
    const role = allowed.find((r) => person?.roles.includes(r)) ?? allowed[0] ?? person?.roles[0] ?? null;
    const organisation = person ? (organisations.get(person.organisationId) ?? null) : null;
    return { ...e, actor: { kind: 'PERSON', name: person?.displayName ?? null, role, organisation } };
  });
}
