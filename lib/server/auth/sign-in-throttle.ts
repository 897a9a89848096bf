// Slows down password guessing: after too many failed sign-ins for one account, or from one address,
// within a window, further attempts are refused until the window passes. Counters live in PostgreSQL
// (RateLimitBucket) so every app instance sees the same numbers.
import { db } from "@/lib/server/db/client";

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

const accountKey = (email: string) => `sign-in:account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `sign-in:address:${ip}`;

async function failuresIn(key: string): Promise<{ hits: number; retryAfter: number }> {
  const bucket = await db().rateLimitBucket.findUnique({ where: { key } });
  if (!bucket) return { hits: 0, retryAfter: 0 };
  const elapsed = (Date.now() - bucket.windowStart.getTime()) / 1000;
  if (elapsed >= WINDOW_SECONDS) return { hits: 0, retryAfter: 0 };
  return { hits: bucket.hits, retryAfter: Math.ceil(WINDOW_SECONDS - elapsed) };
}

/** Null when the attempt may go ahead, otherwise the seconds to wait. */
export async function signInBlockedFor(email: string, ip: string): Promise<number | null> {
  const [account, address] = await Promise.all([failuresIn(accountKey(email)), failuresIn(addressKey(ip))]);
  if (account.hits >= MAX_FAILURES_PER_ACCOUNT) return account.retryAfter;
  if (address.hits >= MAX_FAILURES_PER_ADDRESS) return address.retryAfter;
  return null;
}

async function bump(key: string): Promise<void> {
  // One statement: a new window starts when the old one has passed.
  await db().$executeRaw`
    INSERT INTO "RateLimitBucket" ("key", "hits", "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${WINDOW_SECONDS}) THEN 1 ELSE "RateLimitBucket"."hits" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."windowStart" < now() - make_interval(secs => ${WINDOW_SECONDS}) THEN now() ELSE "RateLimitBucket"."windowStart" END`;
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  await Promise.all([bump(accountKey(email)), bump(addressKey(ip))]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db().rateLimitBucket.deleteMany({ where: { key: accountKey(email) } });
}
