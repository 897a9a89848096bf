import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { derivedKey, open, parseSecretKey, seal, secretKey } from "./secret-key";

const saved = { key: process.env.ATRIUM_SECRET_KEY, file: process.env.ATRIUM_SECRET_KEY_FILE };
const dirs: string[] = [];
afterEach(() => {
  process.env.ATRIUM_SECRET_KEY = saved.key;
  process.env.ATRIUM_SECRET_KEY_FILE = saved.file;
  if (saved.key === undefined) delete process.env.ATRIUM_SECRET_KEY;
  if (saved.file === undefined) delete process.env.ATRIUM_SECRET_KEY_FILE;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the secret key", () => {
  it("accepts 32 bytes as hex or base64url and nothing else", () => {
    expect(parseSecretKey("ab".repeat(32))?.length).toBe(32);
    expect(parseSecretKey(Buffer.alloc(32, 1).toString("base64url"))?.length).toBe(32);
    expect(parseSecretKey("ab".repeat(31))).toBeNull();
    expect(parseSecretKey("correct horse battery staple")).toBeNull();
  });

  it("is created once in a 0600 file when ATRIUM_SECRET_KEY is unset, and read back after", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-key-"));
    dirs.push(dir);
    delete process.env.ATRIUM_SECRET_KEY;
    process.env.ATRIUM_SECRET_KEY_FILE = path.join(dir, "nested", "secret.key");
    const key = secretKey();
    expect(statSync(process.env.ATRIUM_SECRET_KEY_FILE).mode & 0o777).toBe(0o600);
    expect(parseSecretKey(readFileSync(process.env.ATRIUM_SECRET_KEY_FILE, "utf8"))).toEqual(key);
  });

  it("refuses an ATRIUM_SECRET_KEY of the wrong shape, naming it", () => {
    process.env.ATRIUM_SECRET_KEY = "short";
    expect(() => secretKey()).toThrow(/ATRIUM_SECRET_KEY/);
  });
});

describe("seal and open (AES-256-GCM)", () => {
  const key = derivedKey("test", Buffer.alloc(32, 3));
  it("round-trips, with a fresh IV each time", () => {
    const a = seal(key, "whsec_abc", "row 1");
    expect(a).not.toBe(seal(key, "whsec_abc", "row 1"));
    expect(a).not.toContain("whsec_abc");
    expect(open(key, a, "row 1")).toBe("whsec_abc");
  });

  it("refuses another key, other additional data, or an altered ciphertext", () => {
    const sealed = seal(key, "secret", "row 1");
    expect(() => open(derivedKey("other", Buffer.alloc(32, 3)), sealed, "row 1")).toThrow();
    expect(() => open(key, sealed, "row 2")).toThrow();
    const flipped = `${sealed.slice(0, -2)}${sealed.at(-2) === "A" ? "B" : "A"}${sealed.slice(-1)}`;
    expect(() => open(key, flipped, "row 1")).toThrow();
  });
});
