// New buyers' shop ids attached set-based (attach-shop-ids.ts) leave what addCustomerIdentity leaves for
// each, and hand back what they cannot settle plainly.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { loadInstallationSecrets } from "@/lib/server/settings/installation-secrets";
import { suppressIdentities } from "@/lib/server/suppression/drop-suppressed";
import { shopWorkspace } from "@/test/kits/shop-kit";
import { attachShopIds } from "./attach-shop-ids";
import { loadShopSourceIn, shopIdentityType, sourceActor } from "./shop-source";

const customer = (ws: string, email: string) =>
  db()
    .customer.create({ data: { workspaceId: ws, base: { contacts: { email } } } })
    .then((c) => c.id);

describe("attachShopIds", () => {
  it("attaches plain shop ids with their audit entries; hands back a taken one; drops a suppressed one", async () => {
    const { ws, source: created } = await shopWorkspace();
    const source = (await loadShopSourceIn(ws, created.id))!;
    const type = shopIdentityType(source);
    const [a, b, owner, c, d] = await Promise.all(
      ["a", "b", "owner", "c", "d"].map((name) => customer(ws, `${name}@example.com`)),
    );
    await db().identity.create({ data: { workspaceId: ws, customerId: owner, type, value: "300000000000000003" } });
    const { erasureSalt } = await loadInstallationSecrets();
    await db().$transaction((tx) => suppressIdentities(tx, ws, erasureSalt, [{ type, value: "400000000000000004" }]));

    const perRow = await attachShopIds(
      source,
      [
        { customerId: a, shopCustomerId: "100000000000000001" },
        { customerId: b, shopCustomerId: "200000000000000002" },
        { customerId: c, shopCustomerId: "300000000000000003" },
        { customerId: d, shopCustomerId: "400000000000000004" },
      ],
      sourceActor(source),
    );
    expect(perRow).toEqual([2]);

    const identities = await db().identity.findMany({ where: { workspaceId: ws, type }, orderBy: { value: "asc" } });
    expect(identities.map((i) => [i.value, i.customerId])).toEqual([
      ["100000000000000001", a],
      ["200000000000000002", b],
      ["300000000000000003", owner],
    ]);
    expect(identities.slice(0, 2).every((i) => i.sourceId === source.id && i.derivedFrom === null)).toBe(true);
    const audits = await db().auditEntry.findMany({ where: { workspaceId: ws, action: "customer.identityAdded" } });
    expect(audits.map((e) => e.targetId).sort()).toEqual([a, b].sort());
    expect(audits[0]).toMatchObject({ actorType: "SOURCE", actorId: source.id, targetType: "customer" });
    expect(audits.map((e) => (e.details as { identityId: string }).identityId).sort()).toEqual(
      identities
        .slice(0, 2)
        .map((i) => i.id)
        .sort(),
    );
    const [suppression] = await db().suppression.findMany({ where: { workspaceId: ws } });
    expect(suppression.droppedCount).toBe(1);
  });
});
