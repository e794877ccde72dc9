// Outbox-fed work that retries (webhook deliveries, outgoing mail) shares this schedule.

/**
 * Waits before each retry after a failed attempt (Standard Webhooks / Svix schedule): attempt 1
 * is immediate, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: eight attempts over about
 * 27 hours, after which the delivery is `failed`.
 */
export const RETRY_DELAYS_MILLISECONDS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** Attempts of a delivery before it fails: the first plus one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MILLISECONDS.length + 1;

/**
 * When to try again after `attemptsMade` failed attempts, or null when the delivery is spent.
 *
 * @example
 * nextAttemptAt(1, new Date(0), 8); // 1970-01-01T00:00:05.000Z
 * nextAttemptAt(8, new Date(0), 8); // null
 */
export function nextAttemptAt(
  attemptsMade: number,
  now: Date,
  maxAttempts: number = MAX_ATTEMPTS,
): Date | null {
  if (attemptsMade >= maxAttempts) return null;
  const delay = RETRY_DELAYS_MILLISECONDS[attemptsMade - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}
