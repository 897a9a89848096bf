// The API's rate limits (OWASP API4), applied by the route wrappers: failed authentication per address,
// ingestion per write key (its source's own limit, or the default) and per API client or user, exports per
// caller. Each check returns the LimitState the response reports in its RateLimit-* headers.
import { AppError } from "@/lib/server/core/errors";
import type { Principal } from "@/lib/server/core/principal";
import { consume, peek, type LimitState } from "./limiter";
import { policy, type Policy } from "./policies";

/** A 429 that carries the spent limit, for the response's RateLimit-* headers. */
export class RateLimitRefusal extends AppError {
  constructor(
    readonly state: LimitState,
    message: string,
  ) {
    super("rate_limited", message, { retryAfterSeconds: state.resetSeconds });
  }
}

export function refusal(state: LimitState, what: string): RateLimitRefusal {
  return new RateLimitRefusal(state, `Too many ${what}; retry in ${state.resetSeconds} s`);
}

/** One caller, whatever credential it used. */
export function callerKey(principal: Principal): string {
  switch (principal.type) {
    case "user":
      return `user:${principal.userId}`;
    case "apiClient":
      return `client:${principal.clientId}`;
    case "writeKey":
      return `source:${principal.sourceId}`;
  }
}

/** Before checking sent credentials: an address that failed too often is refused without a check. */
export async function checkAuthFailures(address: string): Promise<LimitState> {
  const state = await peek(policy("auth_failures"), address);
  if (!state.allowed) throw refusal(state, "failed authentications from this address");
  return state;
}

/** After credentials were sent and refused (a 401 follows unless this one went over the limit). */
export async function countAuthFailure(address: string): Promise<LimitState> {
  return consume(policy("auth_failures"), address);
}

function ingestPolicy(principal: Principal): Policy {
  if (principal.type !== "writeKey") return policy("ingest_client");
  const own = principal.rateLimitPerMinute;
  return own ? { name: "ingest", points: own, seconds: 60 } : policy("ingest");
}

/** `items` events or customers sent at once; the whole request is refused when they do not all fit. */
export async function limitIngestion(principal: Principal, items: number): Promise<LimitState> {
  const state = await consume(ingestPolicy(principal), callerKey(principal), Math.max(1, items));
  if (!state.allowed) throw refusal(state, "items sent");
  return state;
}

export async function limitExport(principal: Principal): Promise<LimitState> {
  const state = await consume(policy("export"), callerKey(principal));
  if (!state.allowed) throw refusal(state, "exports");
  return state;
}
