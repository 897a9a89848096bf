import { mkdtempSync, mkdirSync, chmodSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { untraversableAncestors } from "./embedded-access";

const base = mkdtempSync(path.join(os.tmpdir(), "atrium-access-"));
afterAll(() => {
  chmodSync(path.join(base, "home"), 0o755);
  rmSync(base, { recursive: true, force: true });
});

describe("untraversableAncestors", () => {
  it("names a 0700 folder above the checkout, and nothing once it is o+x", () => {
    const checkout = path.join(base, "home", "app", ".data");
    mkdirSync(checkout, { recursive: true });
    chmodSync(base, 0o755);
    chmodSync(path.join(base, "home"), 0o700);
    expect(untraversableAncestors(checkout)).toContain(path.join(base, "home"));
    chmodSync(path.join(base, "home"), 0o711);
    expect(untraversableAncestors(checkout)).not.toContain(path.join(base, "home"));
  });
});
