import {
  Approval,
  approvalOutlook,
  approvalRefusal,
  approvalRefused,
  approvalsNeeded,
  approved,
  assertSoundTiers,
  DEFAULT_TIERS,
  withinAuthority,
} from './approval';

const rec = { by: 'maker', at: 't' };
const approval = (by: string, authority: string, amount: string): Approval => ({
  by,
  authority,
  at: 't',
  counts: withinAuthority(amount, authority),
});

describe('authority matrix', () => {
  it.each([
    ['1.00', 1],
    ['1000000.00', 1],
    ['1000000.01', 2],
    ['300000000.00', 2],
  ])('%s needs %d approval(s)', (amount, n) => expect(approvalsNeeded(amount, DEFAULT_TIERS)).toBe(n));

  it('lets a zero tier of an old workflow approve straight through, but never with no tier at all', () => {
    expect(approved('10.00', [{ upTo: null, approvals: 0 }], [])).toBe(true);
    expect(approvalsNeeded('10.00', [])).toBe(1);
    expect(approved('10.00', [], [])).toBe(false);
  });

  it.each([
    ['no tier', []],
    ['a zero tier', [{ upTo: null, approvals: 0 }]],
    [
      'a zero tier for small amounts',
      [
        { upTo: '1000.00', approvals: 0 },
        { upTo: null, approvals: 1 },
      ],
    ],
    ['six approvals', [{ upTo: null, approvals: 6 }]],
    ['a bounded last tier', [{ upTo: '1000.00', approvals: 1 }]],
    [
      'an unbounded tier before the last',
      [
        { upTo: null, approvals: 1 },
        { upTo: null, approvals: 2 },
      ],
    ],
    [
      'descending bounds',
      [
        { upTo: '2000.00', approvals: 1 },
        { upTo: '1000.00', approvals: 2 },
        { upTo: null, approvals: 3 },
      ],
    ],
  ])('refuses unsound tiers: %s', (_, tiers) => {
    expect(() => assertSoundTiers(tiers)).toThrow(expect.objectContaining({ code: 'FINANCING.UNSOUND_TIERS' }));
  });

  it('accepts the default tiers', () => {
    expect(() => assertSoundTiers(DEFAULT_TIERS)).not.toThrow();
  });

  it('refuses the maker approving their own recommendation, anyone approving twice, and approval before recommendation', () => {
    expect(approvalRefusal('a', undefined, [])).toBe('FINANCING.NOT_RECOMMENDED');
    expect(approvalRefusal('maker', rec, [])).toBe('FINANCING.OWN_RECOMMENDATION');
    expect(approvalRefusal('a', rec, [approval('a', '9000000000.00', '1.00')])).toBe('FINANCING.ALREADY_APPROVED_BY_YOU');
    expect(approvalRefusal('b', rec, [approval('a', '9000000000.00', '1.00')])).toBeUndefined();
  });

  it('tells each refusal with its own code, all forbidden', () => {
    for (const code of ['FINANCING.NOT_RECOMMENDED', 'FINANCING.OWN_RECOMMENDATION', 'FINANCING.ALREADY_APPROVED_BY_YOU'] as const) {
      expect(approvalRefused(code)).toMatchObject({ code, kind: 'forbidden' });
    }
  });

  it('does not count an approval above the approver’s authority', () => {
    const amount = '3000000.00';
    const small = approval('a', '2000000.00', amount);
    const large = approval('b', '50000000.00', amount);
    expect(small.counts).toBe(false);
    expect(approved(amount, DEFAULT_TIERS, [small, large])).toBe(false);
    expect(approved(amount, DEFAULT_TIERS, [large, approval('c', '3000000.00', amount)])).toBe(true);
  });
});

describe('an approver’s outlook', () => {
  it('counts within authority, and says why not otherwise, refusals first', () => {
    expect(approvalOutlook('a', '5000000.00', '5000000.00', rec, [])).toEqual({ counts: true, reason: null });
    expect(approvalOutlook('a', '5000000.01', '5000000.00', rec, [])).toEqual({ counts: false, reason: 'FINANCING.ABOVE_AUTHORITY' });
    expect(approvalOutlook('a', '1.00', '0.00', rec, [])).toEqual({ counts: false, reason: 'FINANCING.ABOVE_AUTHORITY' }); // no authority at all
    expect(approvalOutlook('maker', '1.00', '9.00', rec, [])).toEqual({ counts: false, reason: 'FINANCING.OWN_RECOMMENDATION' });
    expect(approvalOutlook('a', '1.00', '9.00', rec, [approval('a', '9.00', '1.00')])).toEqual({
      counts: false,
      reason: 'FINANCING.ALREADY_APPROVED_BY_YOU',
    });
    expect(approvalOutlook('a', '1.00', '9.00', undefined, [])).toEqual({ counts: false, reason: 'FINANCING.NOT_RECOMMENDED' });
  });
});
