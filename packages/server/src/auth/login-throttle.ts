// Login throttling per account: after a few failures the account waits, longer each time.
// (Per-address limits are set on the route with @fastify/rate-limit.)

export const maxFailuresBeforeLock = 5;

/**
 * @param failedLogins - consecutive failures including the one just made
 * @param now - the current time
 * @returns when the account may try again, or null while under the limit
 */
export function lockUntilAfterFailure(failedLogins: number, now: Date): Date | null {
  if (failedLogins < maxFailuresBeforeLock) return null;
  // 1, 2, 4, 8 … minutes, at most an hour.
  const minutes = Math.min(60, 2 ** (failedLogins - maxFailuresBeforeLock));
  return new Date(now.getTime() + minutes * 60_000);
}
