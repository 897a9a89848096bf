// The headers a rate-limited endpoint sends on every response: RateLimit-Limit, RateLimit-Remaining and
// RateLimit-Reset (seconds), the fields of the IETF httpapi draft that most clients read, plus
// RateLimit-Policy ("<limit>;w=<window seconds>"); and Retry-After when the request was refused.
import type { LimitState } from "./limiter";

export function rateLimitHeaders(state: LimitState | null): Record<string, string> {
  if (!state) return {};
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
    "ratelimit-policy": `${state.limit};w=${state.windowSeconds}`,
    ...(state.allowed ? {} : { "retry-after": String(state.resetSeconds) }),
  };
}
