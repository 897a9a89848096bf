// Rate limits of the token endpoint (POST /oauth/token): per client id and per address; and failed client
// authentication per address (also at …/token/introspection and …/token/revocation), one count shared with
// the API's bad write keys and tokens. Every answer carries RateLimit-* headers; a refusal is 429 with
// Retry-After and an OAuth-style error body.
import type Provider from "oidc-provider";
import { socketClientAddress } from "@/lib/server/limits/address";
import { checkAuthFailures, countAuthFailure, RateLimitRefusal } from "@/lib/server/limits/api-limits";
import { rateLimitHeaders } from "@/lib/server/limits/headers";
import { consume, tightest, type LimitState } from "@/lib/server/limits/limiter";
import { policy } from "@/lib/server/limits/policies";
import { ADMIN_CLIENT_ID } from "./config";

/** The client id of HTTP Basic client authentication (the only method Atrium's clients use). */
export function basicClientId(header: string | undefined): string | null {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const raw = colon < 0 ? decoded : decoded.slice(0, colon);
  try {
    return decodeURIComponent(raw.replaceAll("+", " ")) || null;
  } catch {
    return raw || null;
  }
}

type Ctx = Parameters<Parameters<Provider["use"]>[0]>[0];

function answer(ctx: Ctx, states: LimitState[]): void {
  for (const [name, value] of Object.entries(rateLimitHeaders(tightest(states)))) ctx.set(name, value);
}

function refuse(ctx: Ctx, states: LimitState[], state: LimitState): void {
  ctx.status = 429;
  ctx.set("cache-control", "no-store");
  ctx.body = {
    error: "rate_limited",
    error_description: `Too many token requests; retry in ${state.resetSeconds} s`,
  };
  answer(ctx, [...states, state]);
}

/** Spends this request's points; the refused state, if any. */
async function spend(
  tokenRequest: boolean,
  address: string,
  clientId: string | null,
  states: LimitState[],
): Promise<LimitState | null> {
  try {
    await checkAuthFailures(address);
  } catch (error) {
    if (error instanceof RateLimitRefusal) return error.state;
    throw error;
  }
  // Introspection and revocation only count failed client authentication.
  if (!tokenRequest) return null;
  // The admin app's own client is first-party: its token requests come from the Atrium server itself, one
  // for every person signing in, so they are not limited by client or address (only failures count).
  if (clientId === ADMIN_CLIENT_ID) return null;
  states.push(await consume(policy("token_address"), address));
  if (clientId) states.push(await consume(policy("token_client"), clientId));
  return states.find((state) => !state.allowed) ?? null;
}

export function limitTokenEndpoint(provider: Provider): void {
  provider.use(async (ctx, next) => {
    // The token endpoint and its introspection and revocation endpoints (all authenticate the client).
    if (ctx.method !== "POST" || !/^\/token(\/(introspection|revocation))?$/.test(ctx.path)) return next();
    const address = socketClientAddress(ctx.req);
    const states: LimitState[] = [];
    const refused = await spend(ctx.path === "/token", address, basicClientId(ctx.get("authorization")), states);
    if (refused) return refuse(ctx, states, refused);
    await next();
    const error = (ctx.body as { error?: unknown } | undefined)?.error;
    if (ctx.status === 401 || error === "invalid_client") {
      const failure = await countAuthFailure(address);
      if (!failure.allowed) return refuse(ctx, states, failure);
      states.push(failure);
    }
    answer(ctx, states);
  });
}
