import { describe, expect, it } from "vitest";
import { uuidV7 } from "./event-ids";

describe("uuidV7", () => {
  it("makes RFC 9562 version 7 ids that sort by time", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidV7(1_700_000_000_000 + i));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(uuidV7(0x0123456789ab).startsWith("01234567-89ab-7")).toBe(true);
  });
});
