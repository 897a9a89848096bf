import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "@/lib/schemas/workspaces";
import { db } from "@/lib/server/db/client";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { createApiClient } from "./create-api-client";
import { listApiClients } from "./list-api-clients";
import { revokeApiClient } from "./revoke-api-client";
import { rotateApiClientSecret } from "./rotate-api-client-secret";
import { verifyApiClientSecret } from "./verify-api-client-secret";

let workspace: Workspace;
beforeEach(async () => {
  workspace = await createWorkspace({ input: { name: `Clients ${randomUUID().slice(0, 8)}` } });
});

describe("API clients", () => {
  it("creates a client whose secret is shown once and verifies against the stored hash", async () => {
    const created = await createApiClient({
      workspaceId: workspace.id,
      input: { name: "Shop", role: "user", consentHistory: true },
    });
    expect(created).toMatchObject({
      workspaceId: workspace.id,
      name: "Shop",
      role: "user",
      consentHistory: true,
      revokedAt: null,
    });
    expect(created.clientId).toMatch(/^ac_[0-9a-f]{24}$/);
    expect(created.clientSecret.length).toBeGreaterThanOrEqual(43);

    const row = await db().apiClient.findUniqueOrThrow({ where: { clientId: created.clientId } });
    expect(row.secretHash).not.toContain(created.clientSecret);
    const verified = await verifyApiClientSecret(created.clientId, created.clientSecret);
    expect(verified).toMatchObject({ id: created.id, workspaceId: workspace.id, role: "USER" });
    expect(verified).not.toHaveProperty("secretHash");
    expect(await verifyApiClientSecret(created.clientId, `${created.clientSecret}x`)).toBeNull();
    expect(await verifyApiClientSecret("ac_unknown", created.clientSecret)).toBeNull();

    const { clientSecret: _shownOnce, workspaceId: _ws, ...listed } = created;
    expect(await listApiClients({ workspaceId: workspace.id })).toEqual({ data: [listed], nextCursor: null });
  });

  it("a revoked client no longer verifies, and revoking again changes nothing", async () => {
    const created = await createApiClient({ workspaceId: workspace.id, input: { name: "Old", role: "admin" } });
    const revoked = await revokeApiClient({ workspaceId: workspace.id, apiClientId: created.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await verifyApiClientSecret(created.clientId, created.clientSecret)).toBeNull();
    expect(await revokeApiClient({ workspaceId: workspace.id, apiClientId: created.id })).toEqual(revoked);
    const actions = await db().auditEntry.findMany({ where: { workspaceId: workspace.id, targetId: created.id } });
    expect(actions.map((a) => a.action).sort()).toEqual(["api_client.created", "api_client.revoked"]);
  });

  it("rotating the secret replaces it (shown once, audited); a revoked client cannot rotate", async () => {
    const created = await createApiClient({ workspaceId: workspace.id, input: { name: "Sync", role: "user" } });
    const rotated = await rotateApiClientSecret({ workspaceId: workspace.id, apiClientId: created.id });
    expect(rotated).toMatchObject({ id: created.id, clientId: created.clientId, name: "Sync", revokedAt: null });
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    expect(await verifyApiClientSecret(created.clientId, created.clientSecret)).toBeNull();
    expect(await verifyApiClientSecret(created.clientId, rotated.clientSecret)).toMatchObject({ id: created.id });
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { workspaceId: workspace.id, targetId: created.id, action: "api_client.secret_rotated" },
    });
    expect(audit.details).toEqual({ clientId: created.clientId, name: "Sync", tokensEnded: 0 });
    expect(JSON.stringify(audit.details)).not.toContain(rotated.clientSecret);

    await revokeApiClient({ workspaceId: workspace.id, apiClientId: created.id });
    await expect(rotateApiClientSecret({ workspaceId: workspace.id, apiClientId: created.id })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await verifyApiClientSecret(created.clientId, rotated.clientSecret)).toBeNull();
  });

  it("a client of workspace A cannot be revoked or listed through workspace B", async () => {
    const other = await createWorkspace({ input: { name: `Other ${randomUUID().slice(0, 8)}` } });
    const created = await createApiClient({ workspaceId: workspace.id, input: { name: "Mine", role: "guest" } });
    await expect(revokeApiClient({ workspaceId: other.id, apiClientId: created.id })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(rotateApiClientSecret({ workspaceId: other.id, apiClientId: created.id })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await verifyApiClientSecret(created.clientId, created.clientSecret)).toMatchObject({ id: created.id });
    expect((await listApiClients({ workspaceId: other.id })).data).toEqual([]);
    expect(await verifyApiClientSecret(created.clientId, created.clientSecret)).not.toBeNull();
  });

  it("refuses unknown workspaces with 404", async () => {
    await expect(
      createApiClient({ workspaceId: randomUUID(), input: { name: "X", role: "user" } }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeApiClient({ workspaceId: workspace.id, apiClientId: "x" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
