import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ZRole } from "@/lib/schemas/members";
import type { OptionSpec } from "./command";
import { optionFlag, optionKey, parseCommandOptions, wantsHelp } from "./parse-options";
import { validateOptions } from "./validate-options";

const SPECS: Record<string, OptionSpec> = {
  workspace: { type: "string", description: "Workspace id", required: true },
  role: { type: "string", description: "Role", required: true },
  "consent-history": { type: "boolean", description: "Consent history" },
};

describe("parseCommandOptions", () => {
  it("reads string and boolean options, camelCasing their names", () => {
    expect(parseCommandOptions(["--workspace", "w1", "--role=admin", "--consent-history"], SPECS)).toEqual({
      ok: true,
      values: { workspace: "w1", role: "admin", consentHistory: true },
    });
  });

  it("accepts a value starting with a dash when written inline", () => {
    expect(parseCommandOptions(["--workspace=-w"], SPECS)).toEqual({ ok: true, values: { workspace: "-w" } });
  });

  it.each([
    [["--nope", "x"], "unknown option --nope"],
    [["-x"], "unknown option -x"],
    [["extra"], 'unexpected argument "extra"'],
    [["--workspace"], "option --workspace needs a value"],
    [["--workspace", "--role", "admin"], 'option --workspace needs a value, not "--role"'],
    [["--consent-history=yes"], "option --consent-history takes no value"],
    [["--role", "admin", "--role", "user"], "option --role is given more than once"],
    [["--workspace", "w", "--", "x"], 'unexpected argument "x"'],
  ])("%j → %s", (args, message) => {
    const result = parseCommandOptions(args, SPECS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("treats a prototype key as unknown", () => {
    expect(parseCommandOptions(["--constructor", "x"], SPECS)).toEqual({
      ok: false,
      error: "unknown option --constructor",
    });
  });
});

describe("option names", () => {
  it("maps between flags and schema keys", () => {
    expect(optionKey("consent-history")).toBe("consentHistory");
    expect(optionFlag("consentHistory")).toBe("--consent-history");
    expect(optionFlag("name")).toBe("--name");
  });

  it("recognises a request for help anywhere", () => {
    expect(wantsHelp(["--name", "x", "--help"])).toBe(true);
    expect(wantsHelp(["-h"])).toBe(true);
    expect(wantsHelp(["--name", "help"])).toBe(false);
  });
});

describe("validateOptions", () => {
  const schema = z.object({ workspace: z.string().min(1), role: ZRole, consentHistory: z.boolean().optional() });

  it("returns the schema's output", () => {
    expect(validateOptions(schema, { workspace: "w", role: "guest" })).toEqual({
      ok: true,
      input: { workspace: "w", role: "guest" },
    });
  });

  it("names missing options and bad values by their flags, once each", () => {
    const result = validateOptions(schema, { role: "owner" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain("missing required option --workspace");
      expect(result.error).toMatch(/--role: Invalid option: expected one of "admin"\|"user"\|"guest"/);
      expect(result.error.split(";")).toHaveLength(2);
    }
  });
});
