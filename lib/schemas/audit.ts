// The audit log: who did what to which data, queryable by the workspace's admins (docs/api.md "Operations").
import { z } from "zod";
import { ZId, ZPage, ZPageQuery, ZTimestamp, ZWorkspaceParams } from "./common";
import { ZActorType } from "./consents";
import { defineEndpoint } from "./endpoint";

export const ZAuditEntry = z
  .object({
    id: ZId,
    at: ZTimestamp,
    actor: z.object({ type: ZActorType, id: z.string().nullable(), name: z.string().nullable() }),
    action: z.string().meta({ description: "<resource>.<past-tense verb>", example: "customer.erased" }),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .meta({ id: "AuditEntry" });

/** Dotted names such as "customer.erased", or a prefix of them ("customer") for every action on a resource. */
export const AUDIT_ACTION_PATTERN = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

const ZDottedName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(AUDIT_ACTION_PATTERN, "Must be a dotted name such as customer.erased");

export const ZAuditListQuery = ZPageQuery.extend({
  actor: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "The actor's id (user, API client or source id)" }),
  action: ZDottedName.optional().meta({
    description: 'An action (exact) or the prefix of actions ("customer" matches customer.*)',
    example: "customer",
  }),
  targetType: z.string().trim().min(1).max(100).optional().meta({ example: "customer" }),
  targetId: z.string().trim().min(1).max(200).optional(),
  from: ZTimestamp.optional().meta({ description: "At or after" }),
  to: ZTimestamp.optional().meta({ description: "Before" }),
});

export type AuditEntry = z.infer<typeof ZAuditEntry>;
export type AuditListQuery = z.infer<typeof ZAuditListQuery>;

export const listAuditEntriesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/workspaces/{ws}/audit",
  operationId: "listAuditEntries",
  summary: "The workspace's audit log, newest first",
  tag: "Audit",
  access: { kind: "workspace", permission: "admin" },
  personalData: { masked: "mask" },
  params: ZWorkspaceParams,
  query: ZAuditListQuery,
  success: { status: 200, schema: ZPage(ZAuditEntry) },
});
