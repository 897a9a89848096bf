import { describe, expect, it } from "vitest";
import { chooseResolution } from "./choose-resolution";
import { identityKey } from "./find-identity-owners";
import type { IdentityCandidate } from "./identity-candidates";

const externalId: IdentityCandidate = { type: "externalId", value: "X", priority: 1 };
const email: IdentityCandidate = { type: "email", value: "a@b.c", priority: 2 };
const anon: IdentityCandidate = { type: "anonymousId", value: "z", priority: null };
const owners = (pairs: [IdentityCandidate, string][]) => new Map(pairs.map(([c, id]) => [identityKey(c), id]));

describe("chooseResolution", () => {
  it("creates when nothing matches, ignoring identities the rules do not match on", () => {
    expect(chooseResolution("MERGE", [externalId, email, anon], owners([[anon, "C1"]]))).toEqual({ action: "create" });
  });
  it("updates the one matching customer", () => {
    expect(chooseResolution("MERGE", [externalId, email], owners([[email, "C1"]]))).toEqual({
      action: "update",
      customerId: "C1",
    });
  });
  it("merges several into the owner of the highest-priority identity", () => {
    expect(
      chooseResolution(
        "MERGE",
        [email, externalId],
        owners([
          [email, "C1"],
          [externalId, "C2"],
        ]),
      ),
    ).toEqual({
      action: "merge",
      survivorId: "C2",
      absorbedIds: ["C1"],
      matched: [
        { type: "externalId", value: "X" },
        { type: "email", value: "a@b.c" },
      ],
    });
  });
  it("blocks under BLOCK and never checks under NO_CHECK", () => {
    expect(chooseResolution("BLOCK", [externalId, email], owners([[email, "C1"]]))).toEqual({
      action: "block",
      existingCustomerId: "C1",
    });
    expect(chooseResolution("NO_CHECK", [externalId, email], owners([[email, "C1"]]))).toEqual({ action: "create" });
  });
});
