import { describe, expect, it } from "vitest";
import type { CustomerWrite } from "@/lib/schemas/customers";
import { defaultIdentityRules } from "@/lib/server/identity/default-identity-rules";
import { planCustomerChunk } from "./plan-customer-chunk";

const email = (value: string, more: Partial<CustomerWrite> = {}): CustomerWrite => ({
  base: { contacts: { email: value } },
  ...more,
});

describe("planCustomerChunk", () => {
  it("sends writes with identities of their own to the bulk path, and twins to the per-row path in file order", () => {
    const writes: CustomerWrite[] = [
      email("a@example.com"),
      email("twin@example.com", { externalId: "X-1" }),
      email("b@example.com"),
      { externalId: "X-1" },
      email("TWIN@example.com"),
      email("c@example.com", { anonymousId: "anon" }),
      { base: { firstName: "Nobody" } },
      email("d@example.com", { extended: { unknown: 1 } }),
    ];
    const plan = planCustomerChunk(writes, defaultIdentityRules(), []);
    expect(plan.bulk).toEqual([0, 2]);
    expect(plan.single).toEqual([[1, 3, 4], [5], [6], [7]]);
    // A write the per-row path refuses for its extended values is never counted against a suppression.
    expect(plan.suppressionChecked).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(plan.candidates[4]).toEqual([{ type: "email", value: "twin@example.com", priority: expect.any(Number) }]);
  });
});
