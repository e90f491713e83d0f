import { lockSeconds, MAX_LOCK_SECONDS, THRESHOLDS } from './login-throttle';

describe('login throttle', () => {
  it('lets a few mistakes pass, then doubles the wait, up to a quarter of an hour', () => {
    expect([1, 4].map((n) => lockSeconds(n, THRESHOLDS.account))).toEqual([0, 0]);
    expect([5, 6, 7, 10].map((n) => lockSeconds(n, THRESHOLDS.account))).toEqual([1, 2, 4, 32]);
    expect(lockSeconds(40, THRESHOLDS.account)).toBe(MAX_LOCK_SECONDS);
  });

  it('gives an address more room than an account: many people share an office', () => {
    expect(lockSeconds(19, THRESHOLDS.address)).toBe(0);
    expect(lockSeconds(21, THRESHOLDS.address)).toBe(2);
  });
});
