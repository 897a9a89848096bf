import { describe, expect, it } from "vitest";
import { hashPassword, MAX_PASSWORD_LENGTH, needsRehash, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("hashes with argon2id and a random salt", async () => {
    const first = await hashPassword("atrium-demo");
    const second = await hashPassword("atrium-demo");
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain("atrium-demo");
  });

  it("verifies the right password only", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "Correct horse battery staple")).toBe(false);
    expect(await verifyPassword(stored, "")).toBe(false);
  });

  it("answers false instead of throwing for a malformed hash or an over-long password", async () => {
    expect(await verifyPassword("not-a-hash", "secret")).toBe(false);
    const stored = await hashPassword("secret");
    expect(await verifyPassword(stored, "x".repeat(MAX_PASSWORD_LENGTH + 1))).toBe(false);
  });

  it("refuses to hash empty or over-long passwords", async () => {
    await expect(hashPassword("")).rejects.toThrow();
    await expect(hashPassword("x".repeat(MAX_PASSWORD_LENGTH + 1))).rejects.toThrow();
  });

  it("tells when a hash was made with other parameters", async () => {
    expect(needsRehash(await hashPassword("secret"))).toBe(false);
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
  });
});
