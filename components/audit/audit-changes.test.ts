import { describe, expect, it } from "vitest";
import type { AuditEntry } from "@/lib/schemas/audit";
import { auditChanges, changesText } from "./audit-changes";
import { auditCsv, csvCell } from "./audit-csv";

describe("auditChanges", () => {
  it("reads before/after as the fields that differ", () => {
    const changes = auditChanges({
      before: { role: "user", consentHistory: false, maskPersonalData: null },
      after: { role: "admin", consentHistory: false, maskPersonalData: true },
    });
    expect(changesText(changes)).toBe("role: user → admin · maskPersonalData: not set → true");
  });

  it("reads a changes object as new values, and from/to pairs as changes", () => {
    expect(changesText(auditChanges({ changes: { name: "Shop", timezone: { from: "UTC", to: "Europe/Rome" } } }))).toBe(
      "name → Shop · timezone: UTC → Europe/Rome",
    );
    expect(auditChanges({ clientId: "ac_1" })).toEqual([]);
  });
});

describe("auditCsv", () => {
  it("quotes, neutralises formulas and carries the readable action and the changes", () => {
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    const entry: AuditEntry = {
      id: "0190a0a0-0000-7000-8000-000000000001",
      at: "2026-12-03T09:00:00.000Z",
      actor: { type: "USER", id: "u1", name: "Ada" },
      action: "member.updated",
      targetType: "member",
      targetId: "u2",
      details: { before: { role: "user" }, after: { role: "admin" } },
      requestId: "req-1",
      ip: null,
    };
    const [header, row] = auditCsv([entry]).trimEnd().split("\r\n");
    expect(header).toBe("When,Who,Actor type,Action,Action id,Target type,Target id,Changes,Details,Request id");
    expect(row).toBe(
      '2026-12-03T09:00:00.000Z,Ada,USER,Member updated,member.updated,member,u2,role: user → admin,"{""before"":{""role"":""user""},""after"":{""role"":""admin""}}",req-1',
    );
  });
});
