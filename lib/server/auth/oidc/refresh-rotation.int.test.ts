// Refresh tokens of the admin app's code flow rotate: each use answers a new refresh token, and the used
// one never works again (a stolen token works once, and its reuse ends the grant).
import { randomUUID } from "node:crypto";
import type Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { ADMIN_CLIENT_ID } from "./config";
import { startOAuthServer, type OAuthServer } from "@/test/kits/oauth-server";
import { createOidcProvider } from "./provider";

let server: OAuthServer;
let base: string;
let provider: Provider;
let clientSecret: string;

beforeAll(async () => {
  server = await startOAuthServer();
  base = server.url;
  const secrets = await loadInstallationSecrets();
  // A second provider on the same database: what the code flow stores, as the sign-in would have stored it.
  provider = createOidcProvider(secrets);
  clientSecret = process.env.ATRIUM_ADMIN_CLIENT_SECRET ?? secrets.adminClientSecret;
});

afterAll(() => server.close());

/** A person's grant to the admin app and a refresh token of it, as the authorization code exchange leaves them. */
async function signedInRefreshToken(): Promise<string> {
  const user = await db().user.create({ data: { email: `${randomUUID()}@test.local`, name: "Rotation" } });
  const grant = new provider.Grant({ accountId: user.id, clientId: ADMIN_CLIENT_ID });
  grant.addOIDCScope("openid email profile offline_access");
  const grantId = await grant.save();
  const client = await provider.Client.find(ADMIN_CLIENT_ID);
  if (!client) throw new Error("the admin app's client is not configured");
  const token = new provider.RefreshToken({
    client,
    accountId: user.id,
    grantId,
    gty: "authorization_code",
    scope: "openid email profile offline_access",
    authTime: Math.floor(Date.now() / 1000),
  });
  return token.save();
}

function refresh(token: string) {
  return fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${ADMIN_CLIENT_ID}:${encodeURIComponent(clientSecret)}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: token }).toString(),
  });
}

describe("refresh token rotation", () => {
  it("answers a new refresh token on every use and refuses the used one", async () => {
    const first = await signedInRefreshToken();
    const res = await refresh(first);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access_token: string; refresh_token: string };
    expect(body.access_token).toEqual(expect.any(String));
    expect(body.refresh_token).toEqual(expect.any(String));
    expect(body.refresh_token).not.toBe(first);

    const reused = await refresh(first);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("ends the grant when a used token comes back: the token that replaced it stops working too", async () => {
    const first = await signedInRefreshToken();
    const second = ((await (await refresh(first)).json()) as { refresh_token: string }).refresh_token;
    expect((await refresh(first)).status).toBe(400);
    const after = await refresh(second);
    expect(after.status).toBe(400);
    expect(await after.json()).toMatchObject({ error: "invalid_grant" });
  });
});
