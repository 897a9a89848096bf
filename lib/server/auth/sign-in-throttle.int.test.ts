// The sign-in throttle on the real database: keyed by account and address, atomic under a race, and the
// right password from another address is never locked out.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import { hashPassword } from "./passwords";
import { attemptSignIn } from "./sign-in-throttle";

const PASSWORD = "correct horse battery staple";

async function userWithPassword(): Promise<string> {
  const email = `${randomUUID()}@test.local`;
  await db().user.create({ data: { email, name: "Throttled", passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`;

describe("sign-in throttle", () => {
  it("lets exactly 5 of 30 concurrent wrong guesses reach the password check", async () => {
    const email = await userWithPassword();
    const from = address();
    const attempts = await Promise.all(Array.from({ length: 30 }, (_, i) => attemptSignIn(email, `wrong ${i}`, from)));
    expect(attempts.filter((a) => a.outcome === "wrong")).toHaveLength(5);
    const throttled = attempts.filter((a) => a.outcome === "throttled");
    expect(throttled).toHaveLength(25);
    for (const a of throttled) if (a.outcome === "throttled") expect(a.retryAfterSeconds).toBeGreaterThan(0);
    // Even the right password waits at that address now.
    expect((await attemptSignIn(email, PASSWORD, from)).outcome).toBe("throttled");
  });

  it("does not lock the right password out from another address", async () => {
    const email = await userWithPassword();
    const attacker = address();
    for (let i = 0; i < 6; i++) await attemptSignIn(email, `guess ${i}`, attacker);
    expect((await attemptSignIn(email, PASSWORD, attacker)).outcome).toBe("throttled");
    const owner = await attemptSignIn(email, PASSWORD, address());
    expect(owner.outcome).toBe("signed_in");
  });

  it("limits one address across accounts, and a right password gives its points back", async () => {
    const from = address();
    process.env.ATRIUM_RATE_LIMIT_SIGN_IN_ADDRESS = "3";
    try {
      const email = await userWithPassword();
      expect((await attemptSignIn(email, PASSWORD, from)).outcome).toBe("signed_in");
      expect((await attemptSignIn(email, PASSWORD, from)).outcome).toBe("signed_in");
      for (let i = 0; i < 3; i++) {
        const other = await userWithPassword();
        expect((await attemptSignIn(other, "nope", from)).outcome).toBe("wrong");
      }
      expect((await attemptSignIn(await userWithPassword(), PASSWORD, from)).outcome).toBe("throttled");
    } finally {
      delete process.env.ATRIUM_RATE_LIMIT_SIGN_IN_ADDRESS;
    }
  });
});
