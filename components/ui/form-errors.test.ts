import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api-client";
import { fieldError, formError } from "./form-errors";

const problem = (status: number, errors?: { path: string; message: string }[]) =>
  new ApiError({
    type: "about:blank",
    title: "Invalid",
    status,
    detail: "The request is not valid",
    code: "x",
    requestId: "r",
    errors,
  });

describe("fieldError", () => {
  it("finds a field's message, and an item's message on its list", () => {
    const error = problem(422, [
      { path: "name", message: "Must not be empty" },
      { path: "allowedOrigins.1", message: "Must be an http(s) origin" },
    ]);
    expect(fieldError(error, "name")).toBe("Must not be empty");
    expect(fieldError(error, "allowedOrigins")).toBe("Must be an http(s) origin");
    expect(fieldError(error, "priority")).toBeUndefined();
    expect(fieldError(new Error("x"), "name")).toBeUndefined();
  });
});

describe("formError", () => {
  it("is silent when a field shows the problem", () => {
    expect(formError(problem(422, [{ path: "name", message: "x" }]), ["name"])).toBeUndefined();
  });

  it("shows what no field can show", () => {
    expect(formError(problem(409), ["name"])).toBe("The request is not valid");
    expect(formError(problem(422, [{ path: "other", message: "x" }]), ["name"])).toBe("The request is not valid");
    expect(formError(null, ["name"])).toBeUndefined();
  });

  it("stays out of the way of the sign-in redirect", () => {
    expect(formError(problem(401), ["name"])).toBeUndefined();
  });
});
