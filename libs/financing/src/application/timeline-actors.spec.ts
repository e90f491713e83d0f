import { REQUIRED_ROLES, Role } from '@caravan/access';
import { FinancingsController } from '../api/financings.controller';
import type { FinancingEvent } from '../infrastructure/financing.repository';
import { nameActors, peopleIn, STEP_ROLES } from './timeline-actors';

const routeRoles = (handler: keyof FinancingsController): Role[] =>
  Reflect.getMetadata(REQUIRED_ROLES, FinancingsController.prototype[handler]);
const event = (seq: number, step: string, actor: string): FinancingEvent => ({
  seq,
  step,
  actor,
  at: '2026-11-25T08:00:00.000Z',
  detail: {},
});

const chen = {
  email: 'credit@bank.example',
  displayName: '陈静 Chen Jing',
  organisationId: 'bank',
  roles: [Role.CREDIT_OFFICER, Role.APPROVER],
};
const banks = new Map([['bank', 'Silk Road Bank']]);

describe('who did each step of a timeline', () => {
  it('takes each person’s step’s roles from the route that records it', () => {
    expect(STEP_ROLES['counterparty.confirmed']).toEqual(routeRoles('acknowledge'));
    expect(STEP_ROLES.recommended).toEqual(routeRoles('recommend'));
    expect(STEP_ROLES.approved).toEqual(routeRoles('approve'));
    expect(STEP_ROLES['approval.not.counted']).toEqual(routeRoles('approve'));
    expect(STEP_ROLES.rejected).toEqual(routeRoles('reject'));
    expect(STEP_ROLES.withdrawn).toEqual(routeRoles('withdraw'));
    expect(STEP_ROLES['offer.accepted']).toEqual(routeRoles('accept'));
    expect(STEP_ROLES['goods.released']).toEqual(routeRoles('releaseGoods'));
    expect(STEP_ROLES['collateral.topped.up']).toEqual(routeRoles('topUp'));
  });

  it('names a person and the role they acted in, the platform by its code, and asks about each address once', () => {
    const events = [
      event(1, 'eligible', 'system:financing-workflow'),
      event(2, 'recommended', 'Credit@Bank.example'),
      event(3, 'rejected', 'credit@bank.example'),
      event(4, 'disbursement.confirmed', 'system:reconciliation'),
    ];
    expect(peopleIn(events)).toEqual(['credit@bank.example']);
    const named = nameActors(events, [chen], banks);
    expect(named.map((e) => e.actor)).toEqual([
      { kind: 'SYSTEM', name: null, role: null, organisation: null },
      { kind: 'PERSON', name: '陈静 Chen Jing', role: Role.CREDIT_OFFICER, organisation: 'Silk Road Bank' },
      { kind: 'PERSON', name: '陈静 Chen Jing', role: Role.CREDIT_OFFICER, organisation: 'Silk Road Bank' },
      { kind: 'SYSTEM', name: null, role: null, organisation: null },
    ]);
    expect(JSON.stringify(named)).not.toContain('@');
  });

  it('leaves someone identity does not know nameless, never shown by address', () => {
    const [step] = nameActors([event(1, 'approved', 'gone@bank.example')], [], banks);
    expect(step.actor).toEqual({ kind: 'PERSON', name: null, role: Role.APPROVER, organisation: null });
  });
});
