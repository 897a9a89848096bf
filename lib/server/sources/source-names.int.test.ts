// GET …/sources/names: every member (a guest too) reads the names of the workspace's own sources, and
// nothing else of them — no write key prefix, no origins — and never another workspace's.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { listSourceNamesEndpoint } from "@/lib/schemas/sources";
import { createWorkspace } from "@/lib/server/workspaces/create-workspace";
import { memberSession } from "@/test/auth-fixtures";
import { callEndpoint } from "@/test/route-modules";
import { createSource } from "./create-source";

describe("source names", () => {
  it("lets a guest read the names of this workspace's sources only", async () => {
    const [mine, other] = await Promise.all([
      createWorkspace({ input: { name: `Names ${randomUUID().slice(0, 8)}` } }),
      createWorkspace({ input: { name: `Names other ${randomUUID().slice(0, 8)}` } }),
    ]);
    const web = await createSource({
      workspaceId: mine.id,
      input: { name: "Web shop", type: "ecommerce", allowedOrigins: ["https://shop.example.com"] },
    });
    await createSource({ workspaceId: other.id, input: { name: "Someone else's" } });

    const guest = await memberSession(mine.id, "GUEST");
    const res = await callEndpoint(listSourceNamesEndpoint, { ws: mine.id, headers: { cookie: guest.cookie! } });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: Record<string, unknown>[] };
    expect(body.data).toEqual([{ id: web.id, name: "Web shop", type: "ecommerce" }]);
    expect(JSON.stringify(body)).not.toContain(web.writeKeyPrefix);
  });
});
