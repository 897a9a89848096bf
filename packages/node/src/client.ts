// createAtriumClient: the generated, typed client (openapi-fetch over the OpenAPI document's paths) behind a
// fetch that authenticates (client credentials or a fixed token), retries 429/5xx with backoff honouring
// Retry-After, refreshes a refused token once, and throws AtriumProblemError for every error answer.
import createClient, { type Client } from "openapi-fetch";
import { problemFrom } from "./errors.js";
import type { paths } from "./generated/openapi.js";
import { retryingFetch, type Fetch, type RetryOptions } from "./retry.js";
import { TokenSource, type ClientCredentials } from "./token.js";

export interface AtriumClientOptions {
  /** Atrium's address, e.g. https://cdp.example.com */
  baseUrl: string;
  /** An API client's id and secret (Settings → API clients); tokens are fetched and refreshed. */
  credentials?: ClientCredentials;
  /** A fixed bearer token instead: an access token, or a source write key for ingestion endpoints. */
  token?: string;
  retry?: RetryOptions;
  /** The transport; default globalThis.fetch. */
  fetch?: Fetch;
  /** Sent with every request (e.g. a User-Agent of your integration). */
  headers?: Record<string, string>;
}

export interface AtriumClient {
  /** The typed API: api.GET("/api/v1/workspaces/{ws}/customers", { params: { path: { ws } } }) … */
  api: Client<paths, "application/json">;
  /** The token source when client credentials are used. */
  tokens: TokenSource | null;
}

export function createAtriumClient(options: AtriumClientOptions): AtriumClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const transport: Fetch = options.fetch ?? ((request) => globalThis.fetch(request));
  const withRetries = retryingFetch(transport, options.retry);
  const tokens = options.credentials
    ? new TokenSource(
        { ...options.credentials, tokenUrl: options.credentials.tokenUrl ?? `${baseUrl}/oauth/token` },
        withRetries,
      )
    : null;

  const authorised = async (request: Request, token: string | null) => {
    const attempt = new Request(request.clone(), { headers: new Headers(request.headers) });
    for (const [name, value] of Object.entries(options.headers ?? {})) attempt.headers.set(name, value);
    if (token) attempt.headers.set("authorization", `Bearer ${token}`);
    return withRetries(attempt);
  };

  const send: Fetch = async (request) => {
    const token = tokens ? await tokens.token() : (options.token ?? null);
    let response = await authorised(request, token);
    if (response.status === 401 && tokens && token) {
      // Revoked or expired early: one fresh token, one more try.
      await response.body?.cancel();
      tokens.invalidate(token);
      response = await authorised(request, await tokens.token());
    }
    if (!response.ok) throw await problemFrom(response);
    return response;
  };

  // JSON only: endpoints that also answer text/csv (on Accept: text/csv) are typed by their JSON answer.
  return { api: createClient<paths, "application/json">({ baseUrl, fetch: send }), tokens };
}
