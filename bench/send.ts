// Send throughput: a campaign to 100,000 consenting customers, rendered (LiquidJS personalisation, tracked
// links, pixel, footer, RFC 8058 headers) and handed over, with the recipient rows claimed in chunks and
// campaignSent recorded on every timeline, as in production. Service level, in one process.
//
// Run: npx tsx bench/send.ts [recipients=100000] [sandbox]
// 1. Baseline: rendering alone (composeMessage for every recipient, nothing stored or sent), messages/s.
// 2. Sandbox outbox: stored in OutboxMessage, rows SENT, events recorded. Bar ≥ 2,000/s.
// 3. SMTP: handed to a local smtp-server (in this process, loopback, 8 pooled connections). Bar ≥ 500/s.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

process.env.LOG_LEVEL ??= "warn";
const recipients = Number(process.argv[2] ?? 100_000);

const { createTestDatabase } = await import("../test/test-database");
const database = await createTestDatabase("bench");
process.env.DATABASE_URL = database.url;
const { db, disconnectDb } = await import("../lib/server/db/client");
const { UUIDV7_SQL } = await import("../lib/server/db/uuidv7-sql");
const { prepareCampaign, processCampaign } = await import("../lib/server/send/process-campaign");
const { compileTemplates } = await import("../lib/server/send/templates");
const { composeMessage, extractLinks } = await import("../lib/server/send/compose-message");
const { recipientUrls } = await import("../lib/server/send/links");
const { signingKey } = await import("../lib/server/send/signing");
const { closeSmtpPools } = await import("../lib/server/send/transport");

let delivered = 0;
const smtp = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      delivered++;
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));

const HTML = `<html><body><h1>Hello {{ customer.base.firstName | default: "there" }}</h1>
<p>Our spring sale starts today{% if customer.base.address.city %} in {{ customer.base.address.city }}{% endif %}.</p>
<p><a href="https://shop.test/sale?utm_source=atrium">Shop the sale</a> · <a href="https://shop.test/new">New in</a></p>
</body></html>`;

async function workspaceWithCustomers(name: string): Promise<string> {
  const ws = await db().workspace.create({ data: { name, slug: `bench-${name}-${Date.now()}` } });
  await db().$executeRaw`
    INSERT INTO "Customer" ("workspaceId", id, "externalId", base, consents, "updatedAt")
    SELECT ${ws.id}::uuid, ${UUIDV7_SQL}, 'c' || i,
           jsonb_build_object('firstName', 'First' || i, 'address', jsonb_build_object('city', 'City' || (i % 50)),
                              'contacts', jsonb_build_object('email', 'c' || i || '@bench.test')),
           '{"marketing":{"automatic":{"email":{"status":true}}}}'::jsonb, now()
      FROM generate_series(1, ${recipients}) i`;
  return ws.id;
}

async function campaignIn(workspaceId: string): Promise<string> {
  const campaign = await db().campaign.create({
    data: {
      workspaceId,
      name: "Bench",
      subject: "Spring sale, {{ customer.base.firstName }}",
      preheader: "Up to 30% off",
      html: HTML,
      status: "SCHEDULED",
      scheduledAt: new Date(),
    },
  });
  return campaign.id;
}

async function timeSend(workspaceId: string): Promise<{ seconds: number; prepare: number }> {
  const campaignId = await campaignIn(workspaceId);
  const t0 = performance.now();
  await prepareCampaign(workspaceId, campaignId);
  const t1 = performance.now();
  while (!(await processCampaign(workspaceId, campaignId))) {
    /* until done */
  }
  const sent = await db().campaignRecipient.count({ where: { workspaceId, campaignId, status: "SENT" } });
  if (sent !== recipients) throw new Error(`sent ${sent} of ${recipients}`);
  return { seconds: (performance.now() - t1) / 1000, prepare: (t1 - t0) / 1000 };
}

try {
  // 1. Baseline: rendering only.
  const key = await signingKey();
  const templates = compileTemplates({ subject: "Spring sale, {{ customer.base.firstName }}", html: HTML });
  const links = extractLinks(HTML);
  const r0 = performance.now();
  for (let i = 0; i < recipients; i++) {
    composeMessage({
      templates,
      scope: {
        customer: { id: "x", base: { firstName: `First${i}`, address: { city: "Town" } } },
        campaign: { name: "Bench" },
      },
      links,
      urls: recipientUrls(key, "01a2340a-5b9d-7312-bed4-c7b4247b34db", "01a2340a-5b9d-7312-bed4-c7b4247b34dc"),
      postalAddress: "1 Market St",
      senderName: "Shop",
    });
  }
  const renderRate = recipients / ((performance.now() - r0) / 1000);
  console.log(`render only: ${Math.round(renderRate)} messages/s`);

  // 2. Sandbox.
  delete process.env.SMTP_URL;
  const sandboxWs = await workspaceWithCustomers("sandbox");
  const sandbox = await timeSend(sandboxWs);
  const sandboxRate = recipients / sandbox.seconds;
  console.log(
    `sandbox outbox: ${recipients} in ${sandbox.seconds.toFixed(1)} s = ${Math.round(sandboxRate)} messages/s ` +
      `(${((sandboxRate / renderRate) * 100).toFixed(0)} % of render only; audience built in ${sandbox.prepare.toFixed(1)} s)`,
  );

  // 3. SMTP (skipped with a second argument "sandbox").
  if (process.argv[3] !== "sandbox") await viaLocalSmtp(renderRate);
} finally {
  closeSmtpPools();
  smtp.close();
  await disconnectDb();
  await database.dispose();
}

async function viaLocalSmtp(renderRate: number): Promise<void> {
  const { port } = smtp.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}?maxConnections=8`;
  const smtpWs = await workspaceWithCustomers("smtp");
  const viaSmtp = await timeSend(smtpWs);
  const smtpRate = recipients / viaSmtp.seconds;
  console.log(
    `SMTP (local smtp-server): ${recipients} in ${viaSmtp.seconds.toFixed(1)} s = ${Math.round(smtpRate)} messages/s ` +
      `(${((smtpRate / renderRate) * 100).toFixed(0)} % of render only; server received ${delivered})`,
  );
}
