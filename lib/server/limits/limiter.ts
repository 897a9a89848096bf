// Consuming points of a policy with rate-limiter-flexible's PostgreSQL limiter. Every count lives in the
// "RateLimit" table (created by a migration, so `tableCreated: true` and no DDL at run time) and is changed
// by one atomic INSERT … ON CONFLICT statement: any number of app instances on one database share the same
// numbers, and concurrent requests can never all pass a limit.
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Policy } from "./policies";
import { prismaStoreClient, RATE_LIMIT_TABLE } from "./store";

/** What a limited response tells the caller (RateLimit-* headers, Retry-After when refused). */
export interface LimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the points are back. */
  resetSeconds: number;
  /** Seconds in the window (RateLimit-Policy). */
  windowSeconds: number;
  allowed: boolean;
}

const limiters = new Map<string, RateLimiterPostgres>();

function limiterOf(policy: Policy): RateLimiterPostgres {
  const id = `${policy.name}:${policy.points}:${policy.seconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: prismaStoreClient,
      storeType: "client",
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      keyPrefix: policy.name,
      points: policy.points,
      duration: policy.seconds,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

function stateOf(policy: Policy, res: RateLimiterRes | null, allowed: boolean): LimitState {
  const msBeforeNext = res && res.msBeforeNext >= 0 ? res.msBeforeNext : 0;
  return {
    limit: policy.points,
    remaining: res ? Math.max(0, policy.points - res.consumedPoints) : policy.points,
    resetSeconds: res ? Math.max(1, Math.ceil(msBeforeNext / 1000)) : policy.seconds,
    windowSeconds: policy.seconds,
    allowed,
  };
}

/**
 * Spends `points` of the key's budget. Refused (allowed: false) when the key has spent more than the
 * policy's points in the window; database failures are thrown (the caller answers 503, never "no limit").
 */
export async function consume(policy: Policy, key: string, points = 1): Promise<LimitState> {
  try {
    return stateOf(policy, await limiterOf(policy).consume(key, points), true);
  } catch (error) {
    if (error instanceof RateLimiterRes) return stateOf(policy, error, false);
    throw error;
  }
}

/** The key's state without spending anything; refused when the budget is already spent. */
export async function peek(policy: Policy, key: string): Promise<LimitState> {
  const res = await limiterOf(policy).get(key);
  const allowed = !res || res.consumedPoints < policy.points;
  return stateOf(policy, res, allowed);
}

/** Gives points back (e.g. a sign-in attempt that turned out right). */
export async function reward(policy: Policy, key: string, points = 1): Promise<void> {
  await limiterOf(policy).reward(key, points);
}

/** Forgets the key's count altogether. */
export async function forget(policy: Policy, key: string): Promise<void> {
  await limiterOf(policy).delete(key);
}

/** The state to report when several limits applied: the one closest to refusing. */
export function tightest(states: LimitState[]): LimitState | null {
  if (states.length === 0) return null;
  return states.reduce((a, b) => {
    if (a.allowed !== b.allowed) return a.allowed ? b : a;
    return b.remaining < a.remaining ? b : a;
  });
}
