import { describe, expect, it } from "vitest";
import { defaultIdentityRules } from "@/lib/server/identity/default-identity-rules";
import { prepareEvent, type PrepareEnv } from "./prepare-event";
import { workspaceEventTypesOf } from "./workspace-event-types";

const NOW = Date.parse("2025-06-01T12:00:00Z");
const env = (writeKeySourceId: string | null = null): PrepareEnv => ({
  eventTypes: workspaceEventTypesOf("01900000-0000-7000-8000-000000000000", []),
  rules: defaultIdentityRules(),
  writeKeySourceId,
  now: NOW,
  identityMemo: new Map(),
});
const SOURCE = "01900000-0000-7000-8000-0000000000aa";

describe("prepareEvent", () => {
  it("fills defaults, normalises identities and serialises properties and enriched context", () => {
    const outcome = prepareEvent(
      {
        type: "viewedPage",
        externalId: "  CRM-1 ",
        anonymousId: "v-1",
        properties: { url: "https://x.example/?utm_source=nl", ab: "B" },
      },
      3,
      env(SOURCE),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.event).toMatchObject({
      index: 3,
      context: null,
      occurredAt: "2025-06-01T12:00:00.000Z",
      externalId: "CRM-1",
      anonymousId: "v-1",
      sourceId: SOURCE,
      messageId: null,
    });
    expect(JSON.parse(outcome.event.propertiesJson)).toEqual({
      url: "https://x.example/?utm_source=nl",
      extra: { ab: "B" },
    });
    expect(JSON.parse(outcome.event.contextInfoJson)).toEqual({ campaign: { utm_source: "nl" } });
  });

  it("falls back to the next usable identity and names the unusable ones when none is left", () => {
    const anonymous = prepareEvent({ type: "loggedIn", externalId: "null", anonymousId: "v-2" }, 0, env());
    expect(anonymous.ok && anonymous.event).toMatchObject({ externalId: null, anonymousId: "v-2" });
    const none = prepareEvent({ type: "loggedIn", externalId: "N/A", anonymousId: " " }, 0, env());
    expect(none.ok ? [] : none.errors.map((e) => e.path)).toEqual(["anonymousId"]);
    const blocked = prepareEvent({ type: "loggedIn", externalId: "unknown" }, 0, env());
    expect(blocked.ok ? [] : blocked.errors.map((e) => e.path)).toEqual(["externalId"]);
  });

  it("reports every problem of an item at once", () => {
    const outcome = prepareEvent(
      {
        type: "searched",
        customerId: "42",
        occurredAt: "2025-06-03T12:00:00Z",
        sourceId: "x",
        properties: { resultCount: -1 },
      },
      0,
      env(),
    );
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.path)).toEqual([
      "properties.resultCount",
      "occurredAt",
      "customerId",
      "sourceId",
    ]);
  });

  it("keeps a write key to its own source", () => {
    const outcome = prepareEvent(
      { type: "loggedIn", anonymousId: "v", sourceId: "01900000-0000-7000-8000-0000000000bb" },
      0,
      env(SOURCE),
    );
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      { path: "sourceId", message: "A write key can only write as its own source" },
    ]);
    expect(prepareEvent({ type: "loggedIn", anonymousId: "v", sourceId: SOURCE }, 0, env(SOURCE)).ok).toBe(true);
  });

  it("rejects text PostgreSQL cannot store, at its path", () => {
    const outcome = prepareEvent(
      { type: "loggedIn", anonymousId: "v", contextInfo: { client: { ip: "1.2.3.4\ud800" } } },
      0,
      env(),
    );
    expect(outcome.ok ? [] : outcome.errors).toEqual([
      { path: "contextInfo.client.ip", message: expect.stringContaining("NUL") },
    ]);
    expect(prepareEvent({ type: "loggedIn", anonymousId: "v\u0000" }, 0, env()).ok).toBe(false);
  });
});
