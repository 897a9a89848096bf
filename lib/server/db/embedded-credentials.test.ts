import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  credentialsFileFor,
  LEGACY_SUPERUSER,
  newCredentials,
  readCredentials,
  writeCredentials,
} from "./embedded-credentials";

const dir = mkdtempSync(path.join(os.tmpdir(), "atrium-credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("embedded PostgreSQL credentials", () => {
  it("give a new cluster three roles with distinct generated passwords, none of them the old fixed one", () => {
    const credentials = newCredentials(false);
    expect([credentials.superuser.name, credentials.owner.name, credentials.runtime.name]).toEqual([
      "postgres",
      "atrium",
      "atrium_runtime",
    ]);
    const passwords = [credentials.superuser, credentials.owner, credentials.runtime].map((r) => r.password);
    expect(new Set(passwords).size).toBe(3);
    for (const password of passwords) {
      expect(password).not.toBe(LEGACY_SUPERUSER.password);
      expect(password.length).toBeGreaterThanOrEqual(32);
    }
  });

  it("keep a legacy cluster's superuser as its owner, with a new password", () => {
    const credentials = newCredentials(true);
    expect(credentials.superuser.name).toBe("atrium");
    expect(credentials.owner).toEqual(credentials.superuser);
    expect(credentials.superuser.password).not.toBe("atrium");
  });

  it("are kept next to the data directory, readable by its owner only", () => {
    const file = credentialsFileFor(path.join(dir, "postgres"));
    expect(file).toBe(path.join(dir, "postgres.credentials.json"));
    expect(readCredentials(file)).toBeNull();
    const credentials = newCredentials(false);
    writeCredentials(file, credentials);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readCredentials(file)).toEqual(credentials);
  });
});
