import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { isRetryableConflict, retryOnConflict } from "./retry-on-conflict";

// The shape Prisma 7 gives a raw query that PostgreSQL aborted (observed with @prisma/adapter-pg).
const rawFailure = (sqlState: string) =>
  new Prisma.PrismaClientKnownRequestError(`Raw query failed. Code: \`${sqlState}\``, {
    code: "P2010",
    clientVersion: "7",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: sqlState, kind: "postgres" } } },
  });

// What node-postgres throws for a statement PostgreSQL aborted (the ingestion transaction uses it directly).
const driverFailure = (sqlState: string) =>
  Object.assign(new pg.DatabaseError("aborted", 0, "error"), { code: sqlState });

describe("retryOnConflict", () => {
  it("recognises deadlocks and serialization failures, nothing else", () => {
    expect(isRetryableConflict(rawFailure("40P01"))).toBe(true);
    expect(isRetryableConflict(rawFailure("40001"))).toBe(true);
    expect(
      isRetryableConflict(new Prisma.PrismaClientKnownRequestError("conflict", { code: "P2034", clientVersion: "7" })),
    ).toBe(true);
    expect(isRetryableConflict(rawFailure("23505"))).toBe(false);
    expect(isRetryableConflict(driverFailure("40P01"))).toBe(true);
    expect(isRetryableConflict(driverFailure("40001"))).toBe(true);
    expect(isRetryableConflict(driverFailure("23505"))).toBe(false);
    expect(isRetryableConflict(new Error("deadlock detected"))).toBe(false);
  });

  it("runs the work again after a conflict, and gives up after the last attempt", async () => {
    let calls = 0;
    await expect(
      retryOnConflict(async () => (++calls < 3 ? Promise.reject(rawFailure("40P01")) : "done")),
    ).resolves.toBe("done");
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      retryOnConflict(async () => Promise.reject(rawFailure("40P01")).finally(() => calls++), 2),
    ).rejects.toThrow();
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryOnConflict(async () => Promise.reject(new Error("boom")).finally(() => calls++))).rejects.toThrow(
      "boom",
    );
    expect(calls).toBe(1);
  });
});
