import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError, type ErrorCode } from "@/lib/server/core/errors";
import { log } from "@/lib/server/log";
import { ERROR_STATUS } from "./error-status";
import { errorToResponse, PROBLEM_CONTENT_TYPE, problemResponse } from "./problem";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("errorToResponse", () => {
  it("challenges a 401 with the Bearer scheme and nothing else with any", () => {
    expect(errorToResponse(new AppError("unauthenticated", "Sign in"), "r").headers.get("www-authenticate")).toBe(
      'Bearer realm="atrium"',
    );
    expect(errorToResponse(new AppError("forbidden", "No"), "r").headers.get("www-authenticate")).toBeNull();
  });

  it.each(Object.entries(ERROR_STATUS) as [ErrorCode, number][])(
    "maps AppError %s to HTTP %i",
    async (code, status) => {
      const res = errorToResponse(new AppError(code, `safe message for ${code}`), "req-1");
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe(PROBLEM_CONTENT_TYPE);
      expect(res.headers.get("x-request-id")).toBe("req-1");
      expect(await res.json()).toMatchObject({ status, code, detail: `safe message for ${code}`, requestId: "req-1" });
    },
  );

  it("writes the RFC 9457 members, field errors, extra members and headers", async () => {
    const error = new AppError("rate_limited", "Slow down", {
      errors: [{ path: "base.contacts.email", message: "Invalid email" }],
      extra: { existingCustomerId: "c-1" },
      retryAfterSeconds: 30,
    });
    const res = errorToResponse(error, "req-2");
    expect(res.headers.get("retry-after")).toBe("30");
    expect(await res.json()).toEqual({
      type: "https://atrium.dev/problems/rate-limited",
      title: "Too many requests",
      status: 429,
      detail: "Slow down",
      code: "rate_limited",
      errors: [{ path: "base.contacts.email", message: "Invalid email" }],
      existingCustomerId: "c-1",
      requestId: "req-2",
    });
  });

  it("turns anything unexpected into a generic 500 that leaks nothing, and logs it with the request id", async () => {
    const logged = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const secret = new Error("password authentication failed for user atrium at 10.0.0.5");
    const res = errorToResponse(secret, "req-3");
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("password");
    expect(text).not.toContain("10.0.0.5");
    expect(JSON.parse(text)).toMatchObject({ status: 500, code: "internal", requestId: "req-3" });
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: secret, requestId: "req-3" }),
      expect.any(String),
    );
  });

  it("treats thrown non-errors as unexpected too", async () => {
    vi.spyOn(log, "error").mockImplementation(() => undefined);
    const res = errorToResponse("a string", "req-4");
    expect(res.status).toBe(500);
  });
});

describe("problemResponse", () => {
  it("adds resource-specific members beside the standard ones", async () => {
    const res = problemResponse({ code: "conflict", detail: "Exists", requestId: "r" }, {}, { hint: "merge" });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ status: 409, code: "conflict", hint: "merge" });
  });
});
