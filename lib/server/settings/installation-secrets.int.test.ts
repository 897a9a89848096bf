// Installation secrets at rest (issue 12): the database holds them sealed with the secret key it never
// sees, a row left in clear by an older version is sealed again at the next read (every start makes one),
// and no secret Atrium keeps (signing key, session and cookie secrets, admin client secret, erasure salt,
// webhook and shop signing secrets) appears in clear in any row of any table.
import { describe, expect, inject, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/server/db/client";
import { decryptSourceSecret } from "@/lib/server/settings/secret-box";
import { createSource } from "@/lib/server/sources/create-source";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { workspaceWithAdmin } from "@/test/kits/customer-kit";
import { loadInstallationSecrets, type InstallationSecrets } from "./installation-secrets";

/** Every table (public, graphile_worker, atrium_private) whose rows, as text, contain a needle. */
async function tablesHolding(needles: string[]): Promise<string[]> {
  const owner = new pg.Client({ connectionString: inject("ownerDatabaseUrl") });
  await owner.connect();
  try {
    const { rows: tables } = await owner.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema IN ('public', 'graphile_worker', 'atrium_private') AND table_type = 'BASE TABLE'`,
    );
    const hits: string[] = [];
    for (const { name } of tables) {
      const { rows } = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${name} t WHERE t::text LIKE ANY($1::text[])`,
        [needles.map((needle) => `%${needle}%`)],
      );
      if (rows[0].n > 0) hits.push(name);
    }
    return hits;
  } finally {
    await owner.end();
  }
}

const secretValues = (s: InstallationSecrets) => [
  ...s.cookieKeys,
  s.adminClientSecret,
  s.nextAuthSecret,
  s.erasureSalt,
  ...s.jwks.keys.flatMap((key) => [key.d, key.p, key.q].filter((v): v is string => typeof v === "string")),
];

describe("installation secrets at rest", () => {
  it("are stored sealed, and no secret Atrium keeps is in clear anywhere in the database", async () => {
    const secrets = await loadInstallationSecrets();
    const row = await db().installationSetting.findUniqueOrThrow({ where: { key: "secrets.v1" } });
    expect(Object.keys(row.value as object)).toEqual(["sealed"]);
    expect((row.value as { sealed: string }).sealed).toMatch(/^v1\.[A-Za-z0-9_-]{100,}$/);

    const w = await workspaceWithAdmin("Secrets");
    const webhook = await createWebhook({
      workspaceId: w.ws,
      input: { url: "http://127.0.0.1:9/hook", events: ["customer.created"] },
    });
    const shopSecret = `shpss_${"k".repeat(8)}${Date.now()}`;
    const source = await createSource({
      workspaceId: w.ws,
      input: { name: "Shop", type: "shopify", signingSecret: shopSecret },
    });
    const stored = await db().source.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.ws, id: source.id } },
    });
    expect(await decryptSourceSecret(stored.signingSecretEncrypted ?? "", source.id)).toBe(shopSecret);

    const needles = [...secretValues(secrets), webhook.secret.replace(/^whsec_/, ""), shopSecret];
    expect(needles.length).toBeGreaterThanOrEqual(8);
    expect(await tablesHolding(needles)).toEqual([]);
  });

  it("seals a row an older version left in clear, keeping every value", async () => {
    const secrets = await loadInstallationSecrets();
    // The same values in clear, as they were stored before sealing existed (other tests keep working).
    await db().$executeRaw`
      UPDATE "InstallationSetting" SET value = ${JSON.stringify(secrets)}::jsonb WHERE key = 'secrets.v1'`;
    expect(await tablesHolding([secrets.erasureSalt])).toEqual(['public."InstallationSetting"']);

    expect(await loadInstallationSecrets()).toEqual(secrets);
    const row = await db().installationSetting.findUniqueOrThrow({ where: { key: "secrets.v1" } });
    expect(Object.keys(row.value as object)).toEqual(["sealed"]);
    expect(await tablesHolding(secretValues(secrets))).toEqual([]);
  });

  it("cannot be opened with another secret key", async () => {
    const key = process.env.ATRIUM_SECRET_KEY;
    await loadInstallationSecrets();
    process.env.ATRIUM_SECRET_KEY = Buffer.alloc(32, 7).toString("hex");
    try {
      await expect(loadInstallationSecrets()).rejects.toThrow(/cannot be decrypted/);
    } finally {
      process.env.ATRIUM_SECRET_KEY = key;
    }
  });
});
