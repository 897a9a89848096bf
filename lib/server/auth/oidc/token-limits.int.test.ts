// Limits of POST /oauth/token over real HTTP on two authorization-server instances sharing the database:
// per client id, per address, and failed client secrets per address (X-Forwarded-For, TRUST_PROXY=1).
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { createTestWorkspace } from "@/test/fixtures";
import { hashClientSecret } from "./client-secrets";
import { startOAuthServer, type OAuthServer } from "@/test/kits/oauth-server";

Object.assign(process.env, {
  TRUST_PROXY: "1",
  ATRIUM_RATE_LIMIT_TOKEN_CLIENT: "3/60",
  ATRIUM_RATE_LIMIT_TOKEN_ADDRESS: "5/60",
  ATRIUM_RATE_LIMIT_AUTH_FAILURES: "3/900",
});

const servers: OAuthServer[] = [];
const bases: string[] = [];
let workspaceId: string;

async function startInstance(): Promise<void> {
  const server = await startOAuthServer();
  servers.push(server);
  bases.push(server.url);
}

beforeAll(async () => {
  // One provider each (own module-level state is irrelevant: the counts live in the database).
  await startInstance();
  await startInstance();
  workspaceId = (await createTestWorkspace("Token limits")).id;
});

afterAll(() => Promise.all(servers.map((server) => server.close())));

async function apiClient(): Promise<{ id: string; secret: string }> {
  const id = `ac_${randomBytes(6).toString("hex")}`;
  const secret = randomBytes(32).toString("base64url");
  await db().apiClient.create({
    data: { workspaceId, clientId: id, secretHash: hashClientSecret(secret), name: "Limited", role: "USER" },
  });
  return { id, secret };
}

const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 6)}`;

function requestToken(instance: number, client: { id: string; secret: string }, from: string) {
  return fetch(`${bases[instance]}/oauth/token`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": from,
    },
    body: "grant_type=client_credentials",
  });
}

async function expect429(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(res.headers.get("ratelimit-remaining")).toBe("0");
  expect(await res.json()).toMatchObject({ error: "rate_limited" });
}

describe("POST /oauth/token limits", () => {
  it("limits one client across instances and addresses, with RateLimit-* headers on every answer", async () => {
    const client = await apiClient();
    const first = await requestToken(0, client, address());
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("3");
    expect(first.headers.get("ratelimit-remaining")).toBe("2");
    expect((await requestToken(1, client, address())).status).toBe(200);
    expect((await requestToken(0, client, address())).status).toBe(200);
    await expect429(await requestToken(1, client, address()));
  });

  it("limits one address across clients", async () => {
    const from = address();
    for (let i = 0; i < 5; i++) expect((await requestToken(i % 2, await apiClient(), from)).status).toBe(200);
    await expect429(await requestToken(0, await apiClient(), from));
  });

  it("refuses an address after 3 wrong client secrets, even with the right one; other addresses are not affected", async () => {
    const client = await apiClient();
    const from = address();
    for (let i = 0; i < 3; i++)
      expect((await requestToken(i % 2, { id: client.id, secret: `wrong-${i}` }, from)).status).toBe(401);
    await expect429(await requestToken(1, { id: client.id, secret: "wrong-again" }, from));
    await expect429(await requestToken(0, client, from));
    // Other addresses are not blocked (a fresh client: this one spent its own 3 token requests on the guesses).
    expect((await requestToken(1, await apiClient(), address())).status).toBe(200);
  });
});
