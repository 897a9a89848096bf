// A real restart: the send runs in a separate worker process (the production job worker) against a real
// SMTP server in this process; that process is killed with SIGKILL in the middle of the send, a new one
// is started (it queues unfinished campaigns again, as the server does at start) and finishes the
// campaign. Nobody receives the campaign twice; the rows the dead process had claimed are INTERRUPTED.
// The file has a database of its own: in the shared one, another suite's job runner (settleJobs runs
// whatever is due) could take this campaign's job and send chunks beside the process under test.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as sendEndpoints from "@/lib/schemas/send";
import { db, disconnectDb } from "@/lib/server/db/client";
import { endIngestPool } from "@/lib/server/events/ingest-transaction";
import { createTestDatabase, type TestDatabase } from "@/test/test-database";
import { call, workspaceWithAdmin } from "@/test/kits/customer-kit";
import { startSmtpReceiver, type SmtpReceiver } from "@/test/kits/smtp-kit";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const RECIPIENTS = 600;
let smtp: SmtpReceiver;
const children: ChildProcess[] = [];

let database: TestDatabase;
let sharedUrl: string | undefined;

beforeAll(async () => {
  sharedUrl = process.env.DATABASE_URL;
  // On the run's server, made by its owner role (the runtime role cannot create databases).
  const given = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = given ?? inject("ownerDatabaseUrl");
  database = await createTestDatabase("send_restart").finally(() => {
    if (given === undefined) delete process.env.TEST_DATABASE_URL;
  });
  await disconnectDb();
  await endIngestPool();
  process.env.DATABASE_URL = database.url; // the worker processes inherit it
  // About 100 messages a second (2 connections, 20 ms each): the send lasts seconds, time to kill it.
  smtp = await startSmtpReceiver(() => null, { delayMs: 20 });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await smtp.close();
  await disconnectDb();
  await endIngestPool();
  process.env.DATABASE_URL = sharedUrl;
  await database.dispose();
});

function startWorker(args: string[], env: Record<string, string> = {}): Promise<ChildProcess> {
  // tsx as a loader in this very process (its CLI would spawn a grandchild that SIGKILL would not reach).
  const child = spawn(process.execPath, ["--import", "tsx", "test/kits/send-worker-process.ts", ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      SMTP_URL: smtp.url.replace("maxConnections=4", "maxConnections=2"),
      SMTP_FROM: "news@shop.test",
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker exited early (${code})`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("ready")) resolve(child);
    });
  });
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

describe("a send process killed mid-send", () => {
  it("is resumed by a new process and delivers nobody twice", { timeout: 180_000 }, async () => {
    const { ws, admin } = await workspaceWithAdmin("Send kill");
    const domain = `k${ws.slice(0, 8)}.test`;
    await db().customer.createMany({
      data: Array.from({ length: RECIPIENTS }, (_, i) => ({
        workspaceId: ws,
        externalId: `k${i}`,
        base: { firstName: `K${i}`, contacts: { email: `k${i}@${domain}` } },
        consents: { marketing: { automatic: { email: { status: true } } } },
      })),
    });
    const ours = () => smtp.received.filter((r) => r.to.endsWith(`@${domain}`)).map((r) => r.to);
    const first = await startWorker([]);
    const created = await call<{ id: string }>(sendEndpoints.createCampaignEndpoint, {
      ws,
      headers: admin,
      body: { name: "Kill", subject: "Hi {{ customer.base.firstName }}", html: "<p>Hi</p>" },
    });
    const campaignId = created.body.id;
    expect(
      (await call(sendEndpoints.sendCampaignEndpoint, { ws, headers: admin, params: { id: campaignId } })).status,
    ).toBe(202);

    // Mid-send, in the middle of a chunk (200 rows): killed without a chance to clean up. The moment is read
    // from the rows, not the mail count alone: a chunk's messages arrive in a burst, so "300 received" can
    // come after the second chunk is already recorded, with no row claimed and none left for the restart.
    // Killed once the first chunk is delivered, while the second is claimed (SENDING) and the third waits.
    const statusCounts = async () => {
      const groups = await db().campaignRecipient.groupBy({
        by: ["status"],
        where: { workspaceId: ws, campaignId },
        _count: true,
      });
      return (status: string) => groups.find((g) => g.status === status)?._count ?? 0;
    };
    await until(
      async () => {
        const count = await statusCounts();
        return ours().length >= 200 && count("SENDING") > 0 && count("PENDING") > 0;
      },
      90_000,
      "a chunk in flight after the first",
    );
    first.kill("SIGKILL");
    await exited(first);
    const atKill = ours().length;
    expect(atKill).toBeLessThan(RECIPIENTS);
    const claimed = (await statusCounts())("SENDING");
    expect(claimed).toBeGreaterThan(0);

    // The restart: a new process, with a short claim lease so the test need not wait five minutes.
    const second = await startWorker(["--resume"], { SEND_CLAIM_LEASE_MS: "2000" });
    await until(
      async () =>
        (await db().campaign.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId: ws, id: campaignId } } }))
          .status === "SENT",
      90_000,
      "the campaign to finish",
    );
    second.kill("SIGTERM");
    await exited(second);

    const delivered = ours();
    expect(new Set(delivered).size).toBe(delivered.length);
    const rows = await db().campaignRecipient.findMany({ where: { workspaceId: ws, campaignId } });
    const byStatus = (status: string) => rows.filter((r) => r.status === status).map((r) => r.email);
    expect(byStatus("SENT").length + byStatus("INTERRUPTED").length).toBe(RECIPIENTS);
    expect(byStatus("INTERRUPTED").length).toBe(claimed);
    // Everyone SENT got exactly one message; an interrupted one got at most the one the dead process handed over.
    const got = new Set(delivered);
    expect(byStatus("SENT").every((email) => got.has(email))).toBe(true);
    expect(delivered.length).toBeGreaterThan(atKill);
    expect(delivered.length).toBeLessThanOrEqual(RECIPIENTS);
    expect(
      await db().event.count({
        where: { workspaceId: ws, type: "campaignSent", properties: { path: ["campaignId"], equals: campaignId } },
      }),
    ).toBe(byStatus("SENT").length);
  });
});
