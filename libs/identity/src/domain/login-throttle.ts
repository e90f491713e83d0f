// How hard a guesser is slowed: after a few failed logins an account, and after more an
// address, is refused for a while, the wait doubling with each further failure. Failures
// older than a quarter of an hour are forgotten. A refusal costs one indexed read, never a hash.

export const THRESHOLDS = { account: 5, address: 20 } as const;
export const MAX_LOCK_SECONDS = 15 * 60;
export const FORGET_AFTER_SECONDS = 15 * 60;

/** Seconds to refuse further attempts after `failures` in a row; 0 below the threshold. */
export function lockSeconds(failures: number, threshold: number): number {
  return failures < threshold ? 0 : Math.min(MAX_LOCK_SECONDS, 2 ** (failures - threshold));
}

export const throttleKeys = (email: string, address: string) => ({
  account: `account:${email.toLowerCase()}`,
  address: `address:${address}`,
});
