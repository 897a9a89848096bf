// The SDK's generated types match the live OpenAPI document: a contract change without `npm run sdk:generate`
// fails here, so the published SDK never describes an API that no longer exists.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateSdkTypes, SDK_TYPES_FILE } from "@/scripts/sdk-types";

describe("packages/node/src/generated/openapi.ts", () => {
  it("is what npm run sdk:generate writes from the current OpenAPI document", async () => {
    const committed = readFileSync(SDK_TYPES_FILE, "utf8");
    const fresh = await generateSdkTypes();
    // Not toBe: a 700 KB diff printed in full helps no one; say what to run instead.
    expect(committed === fresh, "stale: run npm run sdk:generate and commit the result").toBe(true);
  }, 120_000);

  it("describes both APIs (the REST API and the Segment-compatible /v1)", () => {
    const committed = readFileSync(SDK_TYPES_FILE, "utf8");
    expect(committed).toContain('"/api/v1/workspaces/{ws}/events/batch": {');
    expect(committed).toContain('"/v1/batch": {');
    expect(committed).toContain("CustomerBatchItemResult: {");
  });
});
