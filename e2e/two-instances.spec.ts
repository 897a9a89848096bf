// Two app instances on one database, as behind a load balancer: the suite's server (instance A) and a
// second `scripts/start.ts` process (instance B) on the same database and build, with the same public URL.
// Events go in through both; every event.created delivery reaches a real receiver exactly once (counted
// by webhook-id, each verified with the `standardwebhooks` package), every automation runs once per
// event, an access token issued by either instance works on the other, and a browser session signed in on
// one is signed in on the other. Nothing relies on one process's memory.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect as baseExpect, test, type APIRequestContext } from "@playwright/test";
import { startReceiver } from "@/test/kits/webhook-kit";
import { freePort } from "./helpers/free-port";
import { addMember, createApiClient, createUser, createWorkspace } from "./helpers/accounts";
import { signIn } from "./helpers/sign-in";

const expect = baseExpect.configure({ timeout: 30_000 });
const ROOT_DIR = path.resolve(import.meta.dirname, "..");

/** The event an event.created or automation.triggered payload is about. */
function eventIdOf(data: unknown): string {
  const message = data as { id?: string; event?: { id: string } };
  return message.id ?? message.event?.id ?? "";
}

/** Instance B: the same command, database, build and public URL as the suite's server; its own port. */
async function startSecondInstance(publicUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const { TEST_DATABASE_URL: _ignored, ...inherited } = process.env;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(ROOT_DIR, "scripts/start.ts")], {
    cwd: ROOT_DIR,
    env: {
      ...inherited,
      NODE_ENV: "production",
      // As the first instance: migrations as the owner, the server as the runtime role.
      DATABASE_URL: process.env.ATRIUM_E2E_OWNER_DATABASE_URL,
      DATABASE_RUNTIME_URL: process.env.ATRIUM_E2E_DATABASE_URL,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: publicUrl,
      NEXT_DIST_DIR: process.env.ATRIUM_E2E_DIST_DIR ?? ".next-e2e",
      ATRIUM_SEED: "off",
      ATRIUM_WEBHOOKS_ALLOW_PRIVATE: "1",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance B exited (${child.exitCode})`);
    const ok = await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("instance B did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

async function tokenAt(request: APIRequestContext, base: string, id: string, secret: string): Promise<string> {
  const res = await request.post(`${base}/oauth/token`, {
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` },
    form: { grant_type: "client_credentials" },
  });
  expect(res.status()).toBe(200);
  return (await res.json()).access_token;
}

test.describe("two app instances on one database", () => {
  test("deliver each webhook and run each automation once, and accept each other's tokens and sessions", async ({
    page,
    request,
    baseURL,
  }) => {
    test.setTimeout(240_000);
    const a = baseURL ?? "";
    const b = await startSecondInstance(a);
    const receiver = await startReceiver();
    const hookUrl = receiver.url;
    try {
      const workspace = await createWorkspace("Two instances");
      const client = await createApiClient(workspace, "admin");
      const ws = `/api/v1/workspaces/${workspace.id}`;

      // Tokens: issued by A, used on B, and the other way round.
      const tokenA = await tokenAt(request, a, client.clientId, client.clientSecret);
      const tokenB = await tokenAt(request, b.url, client.clientId, client.clientSecret);
      const auth = (token: string) => ({ authorization: `Bearer ${token}` });
      expect((await request.get(`${b.url}${ws}/webhooks`, { headers: auth(tokenA) })).status()).toBe(200);
      expect((await request.get(`${a}${ws}/webhooks`, { headers: auth(tokenB) })).status()).toBe(200);

      const hook = await request.post(`${a}${ws}/webhooks`, {
        headers: auth(tokenA),
        data: { url: hookUrl, events: ["event.created"] },
      });
      expect(hook.status()).toBe(201);
      const { id: hookId, secret } = await hook.json();
      receiver.secret(secret);
      const automation = await request.post(`${b.url}${ws}/automations`, {
        headers: auth(tokenB),
        data: {
          name: "Tell on every page view",
          trigger: { eventType: "viewedPage", customers: "any" },
          actions: [{ type: "webhook", webhookId: hookId }],
        },
      });
      expect(automation.status()).toBe(201);
      const automationId = (await automation.json()).id;

      // 8 batches of 10 events, alternating between the instances.
      const eventIds: string[] = [];
      for (let i = 0; i < 8; i++) {
        const base = i % 2 === 0 ? a : b.url;
        const events = Array.from({ length: 10 }, (_, j) => ({
          type: "viewedPage",
          anonymousId: `two-${i}-${j}`,
          properties: { url: `https://shop.example.com/${i}/${j}` },
        }));
        const res = await request.post(`${base}${ws}/events/batch`, {
          headers: auth(i % 2 === 0 ? tokenA : tokenB),
          data: { events },
        });
        expect(res.status()).toBeLessThan(300);
        const body = (await res.json()) as { results: { id?: string }[] };
        eventIds.push(...body.results.flatMap((r) => (r.id ? [r.id] : [])));
      }
      expect(eventIds).toHaveLength(80);

      // 80 event.created + 80 automation.triggered, each once.
      const received = receiver.received;
      await expect.poll(() => received.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(160);
      await new Promise((resolve) => setTimeout(resolve, 3000)); // a late duplicate would arrive by now
      expect(received).toHaveLength(160);
      expect(new Set(received.map((r) => r.id)).size).toBe(160);
      expect(received.every((r) => r.verified)).toBe(true);
      for (const type of ["event.created", "automation.triggered"]) {
        const ids = received.filter((r) => r.type === type).map((r) => eventIdOf(r.payload.data));
        expect(ids.sort()).toEqual([...eventIds].sort());
      }
      const runs = await request.get(`${a}${ws}/automations/${automationId}/runs?limit=200`, { headers: auth(tokenA) });
      const runList = (await runs.json()).data as { eventId: string; status: string }[];
      expect(runList.map((r) => r.eventId).sort()).toEqual([...eventIds].sort());
      expect(runList.every((r) => r.status === "succeeded")).toBe(true);

      // A browser session signed in on A is signed in on B (cookies are per host, not per port; the session
      // is a token both instances verify with the installation's secret from the database).
      const admin = await createUser("Ada Twice");
      await addMember(workspace, admin, "admin");
      await signIn(page, admin, `${a}/`);
      const session = await page.request.get(`${b.url}/api/auth/session`);
      expect((await session.json()).user?.email).toBe(admin.email);
      await page.goto(`${b.url}/settings/webhooks`);
      await expect(page.getByTestId("webhook-row").first()).toBeVisible();
    } finally {
      await receiver.close();
      await b.stop();
    }
  });
});
