// OAuth2 client credentials (RFC 6749 §4.4) against Atrium's authorization server: one token shared by all
// calls, fetched on first use, refreshed shortly before it expires or when the API answers 401.
import { problemFrom } from "./errors.js";
import type { Fetch } from "./retry.js";

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Default: `${baseUrl}/oauth/token`. */
  tokenUrl?: string;
  /** Refresh this many seconds before expiry; default 60. */
  refreshSkewSeconds?: number;
}

export class TokenSource {
  private current: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  /** Tokens fetched so far (visible for tests and metrics). */
  fetched = 0;

  constructor(
    private readonly credentials: ClientCredentials & { tokenUrl: string },
    private readonly fetch: Fetch,
  ) {}

  async token(): Promise<string> {
    const skew = (this.credentials.refreshSkewSeconds ?? 60) * 1000;
    if (this.current && Date.now() < this.current.expiresAt - skew) return this.current.token;
    // Concurrent calls wait for the same request instead of each fetching a token.
    this.pending ??= this.request().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forget the token (the API refused it: revoked, or the server restarted with new keys). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  private async request(): Promise<string> {
    const { clientId, clientSecret, tokenUrl } = this.credentials;
    const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
    const response = await this.fetch(
      new Request(tokenUrl, {
        method: "POST",
        headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=client_credentials",
      }),
    );
    if (!response.ok) throw await problemFrom(response);
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== "string") throw new Error("The token endpoint answered without access_token");
    const expiresIn = typeof body.expires_in === "number" ? body.expires_in : 3600;
    this.current = { token: body.access_token, expiresAt: Date.now() + expiresIn * 1000 };
    this.fetched += 1;
    return body.access_token;
  }
}
