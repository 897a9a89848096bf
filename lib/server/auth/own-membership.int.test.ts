// PATCH …/membership: a member's own time zone, stored on their membership and answered by GET /me.
import { describe, expect, it } from "vitest";
import { getMeEndpoint, updateOwnMembershipEndpoint } from "@/lib/schemas/me";
import { db } from "@/lib/server/db/client";
import { apiClientToken, memberSession } from "@/test/auth-fixtures";
import { createTestWorkspace } from "@/test/fixtures";
import { call, headersOf, type ProblemFields } from "@/test/kits/customer-kit";

interface Summary extends ProblemFields {
  workspace: { id: string; timezone: string };
  timeZone: string | null;
}

async function workspaceInRome() {
  const workspace = await createTestWorkspace("Clock");
  await db().workspace.update({ where: { id: workspace.id }, data: { timezone: "Europe/Rome" } });
  return workspace.id;
}

const patch = (ws: string, headers: Record<string, string>, body: unknown) =>
  call<Summary>(updateOwnMembershipEndpoint, { ws, headers, body });

describe("a member's own time zone", () => {
  it("is set by the member, even a guest, in canonical case, shown by /me, and cleared with null", async () => {
    const ws = await workspaceInRome();
    const guest = await memberSession(ws, "GUEST");
    const headers = headersOf(guest);

    const set = await patch(ws, headers, { timeZone: "america/new_york" });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ workspace: { id: ws, timezone: "Europe/Rome" }, timeZone: "America/New_York" });
    const me = await call<{ memberships: Summary[] }>(getMeEndpoint, { ws, headers });
    expect(me.body.memberships.find((m) => m.workspace.id === ws)?.timeZone).toBe("America/New_York");

    // Only their own: the admin's membership keeps following the workspace.
    const admin = await memberSession(ws, "ADMIN");
    const adminMe = await call<{ memberships: Summary[] }>(getMeEndpoint, { ws, headers: headersOf(admin) });
    expect(adminMe.body.memberships.find((m) => m.workspace.id === ws)?.timeZone).toBeNull();

    const cleared = await patch(ws, headers, { timeZone: null });
    expect(cleared.body.timeZone).toBeNull();
    expect(
      (
        await db().membership.findUniqueOrThrow({
          where: { workspaceId_userId: { workspaceId: ws, userId: guest.userId } },
        })
      ).timeZone,
    ).toBeNull();
  });

  it("refuses what is not an IANA zone, naming the field", async () => {
    const ws = await workspaceInRome();
    const headers = headersOf(await memberSession(ws, "USER"));
    for (const body of [
      { timeZone: "Mars/Olympus_Mons" },
      { timeZone: "+01:00" },
      {},
      { timeZone: "UTC", role: "admin" },
    ]) {
      const res = await patch(ws, headers, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.errors?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    const bad = await patch(ws, headers, { timeZone: "Mars/Olympus_Mons" });
    expect(bad.body.errors?.[0]?.path).toBe("timeZone");
  });

  it("is a person's: an API client gets 403, another workspace's member 404", async () => {
    const ws = await workspaceInRome();
    const client = await apiClientToken(ws, "ADMIN");
    expect((await patch(ws, headersOf(client), { timeZone: "UTC" })).status).toBe(403);
    const stranger = await memberSession((await createTestWorkspace("Elsewhere")).id, "ADMIN");
    expect((await patch(ws, headersOf(stranger), { timeZone: "UTC" })).status).toBe(404);
  });
});
