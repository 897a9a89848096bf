// Retries with exponential backoff and full jitter on 429 and 5xx (and on network errors), honouring the
// server's Retry-After. Requests are cloned per attempt, so a body can be sent again.
import { retryAfterSeconds } from "./errors.js";

export interface RetryOptions {
  /** Attempts after the first; default 3. */
  retries?: number;
  /** First backoff in ms, doubled per attempt; default 500. */
  baseDelayMs?: number;
  /** Longest single wait in ms, Retry-After included; default 30,000. */
  maxDelayMs?: number;
}

export const RETRYABLE = (status: number) => status === 429 || status >= 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before attempt `attempt + 1`: Retry-After when the server sent one, else jittered backoff. */
export function backoffMs(attempt: number, retryAfter: string | null, options: RetryOptions = {}): number {
  const { baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  const asked = retryAfterSeconds(retryAfter);
  if (asked !== null) return Math.min(asked * 1000, maxDelayMs);
  return Math.min(Math.random() * baseDelayMs * 2 ** attempt, maxDelayMs);
}

export type Fetch = (request: Request) => Promise<Response>;

/** A fetch that retries; `prepare` sets per-attempt headers (a fresh access token). */
export function retryingFetch(base: Fetch, options: RetryOptions = {}): Fetch {
  const retries = options.retries ?? 3;
  return async (request) => {
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await base(request.clone());
      } catch (error) {
        if (attempt >= retries) throw error;
        await sleep(backoffMs(attempt, null, options));
        continue;
      }
      if (!RETRYABLE(response.status) || attempt >= retries) return response;
      const wait = backoffMs(attempt, response.headers.get("retry-after"), options);
      await response.body?.cancel();
      await sleep(wait);
    }
  };
}
