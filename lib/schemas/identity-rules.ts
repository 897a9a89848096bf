// Identity rules: which identities link profiles, how they are compared, and what happens on a match.
import { z } from "zod";
import { defineEndpoint } from "./endpoint";
import { ZWorkspaceParams } from "./common";

/**
 * The identity types resolution knows. Kept equal to lib/server/identity/normalize.ts (a unit test
 * checks it): schemas are isomorphic and must not import the server's phone library.
 */
export const IDENTITY_TYPES = ["externalId", "email", "mobilePhone", "phone", "anonymousId", "deviceId"] as const;
export const CUSTOM_IDENTITY_TYPE = /^custom:[A-Za-z][A-Za-z0-9_.-]{0,62}$/;

export const ZIdentityType = z
  .string()
  .refine(
    (type) => (IDENTITY_TYPES as readonly string[]).includes(type) || CUSTOM_IDENTITY_TYPE.test(type),
    `Must be one of ${IDENTITY_TYPES.join(", ")} or custom:<name>`,
  )
  .meta({ description: "Identity type: a standard one or custom:<name>", example: "email" });

export const ZIdentityPolicy = z.enum(["MERGE", "BLOCK", "NO_CHECK"]).meta({
  description: "On a match: MERGE into the existing customer, BLOCK the write (409), or NO_CHECK (always create)",
});

export const ZIdentityMatchRule = z
  .strictObject({
    identity: ZIdentityType,
    caseSensitive: z.boolean(),
    priority: z
      .int()
      .min(1)
      .max(1000)
      .meta({ description: "1 is the highest; decides the survivor of an automatic merge" }),
  })
  .meta({ id: "IdentityMatchRule" });

export const ZIdentityRules = z
  .strictObject({
    policy: ZIdentityPolicy,
    match: z.array(ZIdentityMatchRule).max(20, "At most 20 match rules"),
    blockedValues: z
      .array(z.string().max(255, "Must be at most 255 characters"))
      .max(1000, "At most 1000 blocked values")
      .meta({
        description: "Values never used as identities (compared trimmed, case-insensitively); empty values always are",
      }),
  })
  .superRefine((rules, ctx) => {
    const seenIdentities = new Set<string>();
    const seenPriorities = new Set<number>();
    rules.match.forEach((rule, index) => {
      if (seenIdentities.has(rule.identity)) {
        ctx.addIssue({
          code: "custom",
          path: ["match", index, "identity"],
          message: `${rule.identity} is listed twice`,
        });
      }
      // Equal priorities would make the survivor of an automatic merge depend on row order.
      if (seenPriorities.has(rule.priority)) {
        ctx.addIssue({
          code: "custom",
          path: ["match", index, "priority"],
          message: `Priority ${rule.priority} is used twice`,
        });
      }
      seenIdentities.add(rule.identity);
      seenPriorities.add(rule.priority);
    });
  })
  .meta({ id: "IdentityRules" });

export type IdentityPolicy = z.infer<typeof ZIdentityPolicy>;
export type IdentityMatchRule = z.infer<typeof ZIdentityMatchRule>;
export type IdentityRules = z.infer<typeof ZIdentityRules>;

export const getIdentityRulesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/identity-rules",
  operationId: "getIdentityRules",
  summary: "The workspace's identity resolution rules (defaults when never set)",
  tag: "Identity rules",
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: ZIdentityRules },
});

export const putIdentityRulesEndpoint = defineEndpoint({
  method: "PUT",
  path: "/api/v1/workspaces/{ws}/identity-rules",
  operationId: "putIdentityRules",
  summary: "Replace the workspace's identity resolution rules",
  tag: "Identity rules",
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZIdentityRules,
  success: { status: 200, schema: ZIdentityRules },
});
