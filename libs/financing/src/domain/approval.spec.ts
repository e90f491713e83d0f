import { Approval, approvalRefusal, approvalsNeeded, approved, DEFAULT_TIERS, withinAuthority } from './approval';

const rec = { by: 'maker', at: 't' };
const approval = (by: string, authority: string, amount: string): Approval => ({ by, authority, at: 't', counts: withinAuthority(amount, authority) });

describe('authority matrix', () => {
  it.each([
    ['1.00', 1],
    ['1000000.00', 1],
    ['1000000.01', 2],
    ['300000000.00', 2],
  ])('%s needs %d approval(s)', (amount, n) => expect(approvalsNeeded(amount, DEFAULT_TIERS)).toBe(n));

  it('lets a zero tier approve straight through', () => {
    expect(approved('10.00', [{ upTo: null, approvals: 0 }], [])).toBe(true);
  });

  it('refuses the maker approving their own recommendation, anyone approving twice, and approval before recommendation', () => {
    expect(approvalRefusal('a', undefined, [])).toBe('FINANCING.NOT_RECOMMENDED');
    expect(approvalRefusal('maker', rec, [])).toBe('FINANCING.OWN_RECOMMENDATION');
    expect(approvalRefusal('a', rec, [approval('a', '9000000000.00', '1.00')])).toBe('FINANCING.ALREADY_APPROVED_BY_YOU');
    expect(approvalRefusal('b', rec, [approval('a', '9000000000.00', '1.00')])).toBeUndefined();
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
