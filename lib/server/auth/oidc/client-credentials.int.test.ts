// The authorization server over real HTTP: discovery, client credentials, token use on the API,
// revocation of a token and of its API client.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { createApiClient } from "@/lib/server/api-clients/create-api-client";
import { rotateApiClientSecret } from "@/lib/server/api-clients/rotate-api-client-secret";
import { db } from "@/lib/server/db/client";
import { createTestWorkspace } from "@/test/fixtures";
import { hashClientSecret } from "./client-secrets";
import { startOAuthServer, type OAuthServer } from "@/test/kits/oauth-server";

let server: OAuthServer;
let base: string;
let workspaceId: string;
const clientId = `ac_${randomBytes(6).toString("hex")}`;
const clientSecret = randomBytes(32).toString("base64url");

async function requestToken(id = clientId, secret = clientSecret) {
  return fetch(`${base}/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: "grant_type=client_credentials",
  });
}

const callMe = (token: string) =>
  getMe(new Request("http://atrium.test/api/v1/me", { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({}),
  });

beforeAll(async () => {
  server = await startOAuthServer();
  base = server.url;
  const workspace = await createTestWorkspace("OAuth");
  workspaceId = workspace.id;
  await db().apiClient.create({
    data: { workspaceId, clientId, secretHash: hashClientSecret(clientSecret), name: "Shop sync", role: "USER" },
  });
});

afterAll(() => server.close());

describe("built-in authorization server", () => {
  it("publishes discovery and signing keys at /oauth", async () => {
    const discovery = await (await fetch(`${base}/oauth/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(`${base}/oauth`);
    expect(discovery.token_endpoint).toBe(`${base}/oauth/token`);
    expect(discovery.grant_types_supported).toEqual(
      expect.arrayContaining(["authorization_code", "client_credentials", "refresh_token"]),
    );
    expect(discovery.grant_types_supported).not.toContain("implicit");
    expect(discovery.response_types_supported).toEqual(["code"]);
    const jwks = await (await fetch(discovery.jwks_uri)).json();
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", use: "sig" });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it("issues client-credentials tokens that act in the client's workspace with its role", async () => {
    const res = await requestToken();
    expect(res.status).toBe(200);
    const token = await res.json();
    expect(token).toMatchObject({ token_type: "Bearer", expires_in: expect.any(Number) });
    const me = await callMe(token.access_token);
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body.client).toMatchObject({ clientId, workspaceId });
    expect(body.memberships[0]).toMatchObject({ role: "user", permissions: ["read", "write"] });
  });

  it("refuses a wrong secret and an unknown client", async () => {
    expect((await requestToken(clientId, "wrong-secret")).status).toBe(401);
    expect((await requestToken("ac_unknown", clientSecret)).status).toBe(401);
  });

  it("stops accepting a token once it is revoked", async () => {
    const { access_token: token } = await (await requestToken()).json();
    expect((await callMe(token)).status).toBe(200);
    const revoke = await fetch(`${base}/oauth/token/revocation`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({ token, token_type_hint: "access_token" }).toString(),
    });
    expect(revoke.status).toBe(200);
    expect((await callMe(token)).status).toBe(401);
  });

  it("lets only the token's own client introspect it", async () => {
    const otherId = `ac_${randomBytes(6).toString("hex")}`;
    const otherSecret = randomBytes(32).toString("base64url");
    const other = await createTestWorkspace("OAuth other");
    await db().apiClient.create({
      data: {
        workspaceId: other.id,
        clientId: otherId,
        secretHash: hashClientSecret(otherSecret),
        name: "Spy",
        role: "ADMIN",
      },
    });
    const { access_token: token } = await (await requestToken()).json();
    const introspect = async (id: string, secret: string) =>
      (
        await fetch(`${base}/oauth/token/introspection`, {
          method: "POST",
          headers: {
            authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams({ token }).toString(),
        })
      ).json();
    expect(await introspect(clientId, clientSecret)).toMatchObject({ active: true, client_id: clientId });
    expect(await introspect(otherId, otherSecret)).toEqual({ active: false });
  });

  it("after a secret rotation, refuses the old secret and its tokens and accepts the new one", async () => {
    const created = await createApiClient({ workspaceId, input: { name: "Rotating", role: "user" } });
    const before = await requestToken(created.clientId, created.clientSecret);
    expect(before.status).toBe(200);
    const { access_token: oldToken } = await before.json();
    expect((await callMe(oldToken)).status).toBe(200);

    const rotated = await rotateApiClientSecret({ workspaceId, apiClientId: created.id });
    expect(rotated.clientId).toBe(created.clientId);
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect((await callMe(oldToken)).status).toBe(401);
    expect((await requestToken(created.clientId, created.clientSecret)).status).toBe(401);
    const after = await requestToken(created.clientId, rotated.clientSecret);
    expect(after.status).toBe(200);
    expect((await callMe((await after.json()).access_token)).status).toBe(200);
    // The other client's token is untouched.
    const { access_token: otherToken } = await (await requestToken()).json();
    await rotateApiClientSecret({ workspaceId, apiClientId: created.id });
    expect((await callMe(otherToken)).status).toBe(200);
  });

  it("stops accepting tokens of a revoked API client, and issues it no more", async () => {
    const { access_token: token } = await (await requestToken()).json();
    await db().apiClient.updateMany({ where: { workspaceId, clientId }, data: { revokedAt: new Date() } });
    expect((await callMe(token)).status).toBe(401);
    expect((await requestToken()).status).toBe(401);
  });
});
