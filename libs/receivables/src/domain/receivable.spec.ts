import { DomainError } from '@caravan/errors';
import { Money } from '@caravan/money';
import { applyTransition, dilute, eligibleAmount, registerReceivable, RegisterReceivable } from './receivable';
import { nextStatus, ReceivableStatus, ReceivableTransition } from './receivable-status';

const input: RegisterReceivable = {
  creditorId: 'c0000000-0000-4000-8000-000000000001',
  debtorId: 'd0000000-0000-4000-8000-000000000001',
  invoiceNumber: 'HM-2026-0001',
  waybillRefs: ['CR-HAMI-778812'],
  issueDate: '2026-11-01',
  dueDate: '2027-01-30',
  amount: Money.of('1250000.00'),
};
const now = new Date('2026-11-26T08:00:00Z');

describe('registerReceivable', () => {
  it('starts REGISTERED', () => {
    expect(registerReceivable(input, 'id-1', now)).toMatchObject({ id: 'id-1', status: ReceivableStatus.REGISTERED });
  });

  it.each([
    [{ amount: Money.of('0') }, 'RECEIVABLE.AMOUNT_NOT_POSITIVE', 'amount'],
    [{ amount: Money.of('-1.00') }, 'RECEIVABLE.AMOUNT_NOT_POSITIVE', 'amount'],
    [{ dueDate: '2026-10-31' }, 'RECEIVABLE.DUE_BEFORE_ISSUE', 'dueDate'],
    [{ debtorId: input.creditorId }, 'RECEIVABLE.SELF_DEBT', 'debtorId'],
  ])('refuses %p with %s naming %s', (change, code, field) => {
    expect(() => registerReceivable({ ...input, ...change }, 'id', now)).toThrow(expect.objectContaining({ code, field, kind: 'invalid' }));
  });
});

describe('receivable state machine', () => {
  const legal: Array<[ReceivableStatus, ReceivableTransition, ReceivableStatus]> = [
    [ReceivableStatus.REGISTERED, 'submit', ReceivableStatus.SUBMITTED],
    [ReceivableStatus.SUBMITTED, 'confirm', ReceivableStatus.CONFIRMED],
    [ReceivableStatus.SUBMITTED, 'dispute', ReceivableStatus.DISPUTED],
    [ReceivableStatus.CONFIRMED, 'pledge', ReceivableStatus.PLEDGED],
    [ReceivableStatus.PLEDGED, 'discharge', ReceivableStatus.CONFIRMED],
    [ReceivableStatus.REGISTERED, 'cancel', ReceivableStatus.CANCELLED],
    [ReceivableStatus.SUBMITTED, 'cancel', ReceivableStatus.CANCELLED],
    [ReceivableStatus.DISPUTED, 'cancel', ReceivableStatus.CANCELLED],
  ];

  it.each(legal)('%s --%s--> %s', (from, transition, to) => {
    expect(nextStatus(from, transition)).toBe(to);
  });

  const transitions: ReceivableTransition[] = ['submit', 'confirm', 'dispute', 'cancel', 'pledge', 'discharge'];
  const illegal = Object.values(ReceivableStatus).flatMap((from) =>
    transitions
      .filter((t) => !legal.some(([f, lt]) => f === from && lt === t))
      .map((t) => [from, t] as [ReceivableStatus, ReceivableTransition]),
  );

  it.each(illegal)('refuses %s --%s--> with a coded conflict', (from, transition) => {
    let error: unknown;
    try {
      nextStatus(from, transition);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'RECEIVABLE.ILLEGAL_TRANSITION', kind: 'conflict' });
  });

  it('stamps the time of a transition', () => {
    const later = new Date('2026-11-27T00:00:00Z');
    const submitted = applyTransition(registerReceivable(input, 'id', now), 'submit', later);
    expect(submitted).toMatchObject({ status: ReceivableStatus.SUBMITTED, updatedAt: later });
  });
});

describe('dilution', () => {
  const registered = registerReceivable(input, 'id', now);

  it('reduces the eligible amount, down to zero at most', () => {
    const once = dilute(registered, Money.of('250000.00'), now);
    expect(eligibleAmount(once).toString()).toBe('1000000.00');
    const fully = dilute(once, Money.of('1000000.00'), now);
    expect(eligibleAmount(fully).isZero()).toBe(true);
    expect(() => dilute(fully, Money.of('0.01'), now)).toThrow(
      expect.objectContaining({ code: 'RECEIVABLE.DILUTION_EXCEEDS_ELIGIBLE', field: 'amount' }),
    );
  });

  it.each([ReceivableStatus.DISPUTED, ReceivableStatus.SETTLED, ReceivableStatus.WRITTEN_OFF, ReceivableStatus.CANCELLED])(
    'is refused once %s',
    (status) => {
      expect(() => dilute({ ...registered, status }, Money.of('1.00'), now)).toThrow(
        expect.objectContaining({ code: 'RECEIVABLE.NOT_DILUTABLE' }),
      );
    },
  );

  it('refuses another currency', () => {
    expect(() => dilute(registered, Money.of('1.00', 'USD'), now)).toThrow(
      expect.objectContaining({ code: 'RECEIVABLE.CURRENCY_MISMATCH' }),
    );
  });
});
