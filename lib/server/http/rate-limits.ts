// The route wrapper's rate-limit steps (lib/server/limits): failed authentications per address around
// "authenticate", ingestion and export limits once the input is parsed, and the RateLimit-* headers on
// every response of a limited endpoint (success or error).
import { rateLimitsOf, type EndpointContract } from "@/lib/schemas/endpoint";
import { authenticate } from "@/lib/server/auth/authenticate";
import { AppError } from "@/lib/server/core/errors";
import type { Principal } from "@/lib/server/core/principal";
import { requestClientAddress } from "@/lib/server/limits/address";
import {
  checkAuthFailures,
  countAuthFailure,
  limitExport,
  limitIngestion,
  RateLimitRefusal,
  refusal,
} from "@/lib/server/limits/api-limits";
import { rateLimitHeaders } from "@/lib/server/limits/headers";
import { tightest, type LimitState } from "@/lib/server/limits/limiter";
import type { Format } from "./negotiate";

/**
 * `authenticate`, refused up front for an address with too many failed authentications, and counting a
 * refused credential (a bearer token or write key that was sent but is not valid) against its address.
 * A missing credential or a session cookie is not a guess and is not counted.
 */
export async function authenticateCounted(req: Request, limits: LimitState[]): Promise<Principal | null> {
  if (!req.headers.get("authorization")) return authenticate(req);
  return checkCounted(req, limits, () => authenticate(req));
}

/**
 * The same count for credentials checked elsewhere (the tracking API's write key): `check` returns the
 * principal or throws `unauthenticated` for a credential that is not valid.
 */
export async function checkCounted<T>(req: Request, limits: LimitState[], check: () => Promise<T>): Promise<T> {
  const address = requestClientAddress(req);
  try {
    await checkAuthFailures(address);
    try {
      return await check();
    } catch (error) {
      if (!(error instanceof AppError && error.code === "unauthenticated")) throw error;
      const state = await countAuthFailure(address);
      if (!state.allowed) throw refusal(state, "failed authentications from this address");
      limits.push(state);
      throw error;
    }
  } catch (error) {
    if (error instanceof RateLimitRefusal) limits.push(error.state);
    throw error;
  }
}

/** Items in a batch body (its first top-level array), else 1. */
export function itemCount(body: unknown): number {
  if (typeof body !== "object" || body === null) return 1;
  const items = Object.values(body).find(Array.isArray);
  return items ? items.length : 1;
}

/** The endpoint's own limits for this caller; throws `rate_limited` when one is spent. */
export async function applyEndpointLimits(
  contract: EndpointContract,
  principal: Principal | null,
  format: Format,
  body: unknown,
  limits: LimitState[],
): Promise<void> {
  if (!principal) return;
  const own = rateLimitsOf(contract);
  const steps: (() => Promise<LimitState>)[] = [];
  if (own.ingest) steps.push(() => limitIngestion(principal, itemCount(body)));
  if (own.export === "always" || (own.export === "csv" && format === "csv")) steps.push(() => limitExport(principal));
  for (const step of steps) {
    try {
      limits.push(await step());
    } catch (error) {
      if (error instanceof RateLimitRefusal) limits.push(error.state);
      throw error;
    }
  }
}

/** The ingestion limit of a caller that sent `items` at once (pushed to `limits`, refusal included). */
export async function limitItems(principal: Principal, items: number, limits: LimitState[]): Promise<void> {
  try {
    limits.push(await limitIngestion(principal, items));
  } catch (error) {
    if (error instanceof RateLimitRefusal) limits.push(error.state);
    throw error;
  }
}

/** Adds the tightest limit's RateLimit-* headers (and Retry-After on a refusal). */
export function withLimitHeaders(res: Response, limits: LimitState[]): Response {
  for (const [name, value] of Object.entries(rateLimitHeaders(tightest(limits)))) res.headers.set(name, value);
  return res;
}
