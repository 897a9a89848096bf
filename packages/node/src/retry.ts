// Retries with exponential backoff and full jitter, honouring the server's Retry-After. 429 and 503 are
// refusals before any work (rate limited, database unavailable), so every request is retried on them; other
// 5xx answers and network errors may come after the work was done, so only requests that are safe to repeat
// are retried on those: idempotent methods, and the bulk endpoints (events carry messageIds, customers are
// matched by their identities). Requests are cloned per attempt, so a body can be sent again.
import { retryAfterSeconds } from "./errors.js";

export interface RetryOptions {
  /** Attempts after the first; default 3. */
  retries?: number;
  /** First backoff in ms, doubled per attempt; default 500. */
  baseDelayMs?: number;
  /** Longest single wait in ms, Retry-After included; default 30,000. */
  maxDelayMs?: number;
  /** Whether a request may be repeated after a 5xx or a network error; default: see above. */
  idempotent?: (request: Request) => boolean;
}

const REFUSED = (status: number) => status === 429 || status === 503;
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

export function isIdempotent(request: Request): boolean {
  const { pathname } = new URL(request.url);
  // A token request changes nothing: asking again is always safe.
  return IDEMPOTENT_METHODS.has(request.method) || pathname.endsWith("/batch") || pathname.endsWith("/oauth/token");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before attempt `attempt + 1`: Retry-After when the server sent one, else jittered backoff. */
export function backoffMs(attempt: number, retryAfter: string | null, options: RetryOptions = {}): number {
  const { baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  const asked = retryAfterSeconds(retryAfter);
  if (asked !== null) return Math.min(asked * 1000, maxDelayMs);
  return Math.min(Math.random() * baseDelayMs * 2 ** attempt, maxDelayMs);
}

export type Fetch = (request: Request) => Promise<Response>;

/** A fetch that retries as described above. */
export function retryingFetch(base: Fetch, options: RetryOptions = {}): Fetch {
  const retries = options.retries ?? 3;
  return async (request) => {
    const repeatable = (options.idempotent ?? isIdempotent)(request);
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await base(request.clone());
      } catch (error) {
        if (attempt >= retries || !repeatable) throw error;
        await sleep(backoffMs(attempt, null, options));
        continue;
      }
      const retryable = REFUSED(response.status) || (response.status >= 500 && repeatable);
      if (!retryable || attempt >= retries) return response;
      const wait = backoffMs(attempt, response.headers.get("retry-after"), options);
      await response.body?.cancel();
      await sleep(wait);
    }
  };
}
