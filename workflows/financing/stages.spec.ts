import { nextStage } from './stages';

describe('the financing’s stages', () => {
  it('goes the two ways from application to closure', () => {
    const walk = (moves: Parameters<typeof nextStage>[1][]) =>
      moves.reduce((stage, m) => nextStage(stage, m), 'ELIGIBILITY' as Parameters<typeof nextStage>[0]);
    expect(walk(['eligible', 'acknowledged', 'recommended', 'approved', 'accepted', 'disbursed', 'closed'])).toBe('CLOSED');
    expect(walk(['eligible', 'straightThrough', 'accepted', 'disbursementFailed'])).toBe('DISBURSEMENT_FAILED');
  });

  it('lets the SME withdraw until someone approves, the bank reject until then, and any wait expire', () => {
    expect(nextStage('ELIGIBILITY', 'withdrawn')).toBe('WITHDRAWN');
    expect(nextStage('AWAITING_APPROVAL', 'rejected')).toBe('REJECTED');
    expect(nextStage('AWAITING_ACCEPTANCE', 'expired')).toBe('EXPIRED');
    expect(() => nextStage('AWAITING_ACCEPTANCE', 'withdrawn')).toThrow(expect.objectContaining({ code: 'FINANCING.ILLEGAL_TRANSITION' }));
    expect(() => nextStage('ELIGIBILITY', 'rejected')).toThrow(expect.objectContaining({ code: 'FINANCING.ILLEGAL_TRANSITION' }));
  });

  it('never overwrites an end: nothing moves a withdrawn, rejected or closed financing', () => {
    for (const stage of ['WITHDRAWN', 'REJECTED', 'CLOSED', 'EXPIRED', 'INELIGIBLE', 'DISBURSEMENT_FAILED'] as const) {
      for (const move of ['eligible', 'straightThrough', 'approved', 'accepted', 'closed', 'expired', 'withdrawn'] as const) {
        expect(() => nextStage(stage, move)).toThrow(expect.objectContaining({ code: 'FINANCING.ILLEGAL_TRANSITION' }));
      }
    }
  });
});
