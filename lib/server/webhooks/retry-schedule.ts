// When a failed delivery is tried again: the Standard Webhooks suggestion (5 s, 5 min, 30 min, 2 h, 5 h,
// 10 h, 10 h: 8 attempts over about 27.6 hours), each delay with ±20 % jitter so that a receiver coming
// back is not hit by every retry at once. ATRIUM_WEBHOOK_RETRY_SCALE shrinks the delays (tests, benches).
const DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];

/** Attempts in all, the first included. */
export const MAX_ATTEMPTS = DELAYS_SECONDS.length + 1;

/** The delay (ms) after failed attempt `attempt` (1-based), or null when it was the last. */
export function retryDelayMs(attempt: number, random = Math.random): number | null {
  const base = DELAYS_SECONDS[attempt - 1];
  if (base === undefined) return null;
  const scale = Number(process.env.ATRIUM_WEBHOOK_RETRY_SCALE ?? 1);
  return Math.round(base * 1000 * scale * (0.8 + 0.4 * random()));
}
