// The workspace's data schema: the standard customer fields, its declared `extended` properties and its
// event types. (Event types have their own endpoints in event-types.ts.)
import { z } from "zod";
import { ZWorkspaceParams } from "./common";
import { defineEndpoint } from "./endpoint";
import { ZEventTypeInfo } from "./event-types";
import { ZExtendedPropertyList, ZExtendedSchemaUpdate } from "./extended-schema";

export const ZBaseField = z
  .object({
    path: z.string().meta({ example: "base.address.country" }),
    type: z.enum(["string", "number", "date", "array"]).meta({ description: "How filters compare the field" }),
  })
  .meta({ id: "BaseField" });

export const ZWorkspaceSchema = z
  .object({
    customer: z.object({
      base: z
        .array(ZBaseField)
        .meta({ description: "The standard fields every workspace has (filterable leaves of `base`)" }),
      extended: z.record(z.string(), z.unknown()).meta({
        description:
          "JSON Schema (2020-12) of `extended`: one property per declaration with title, description and x-mergePolicy; " +
          "disabled properties are marked readOnly and deprecated (their data stays, writes are refused)",
      }),
    }),
    eventTypes: z.array(ZEventTypeInfo),
  })
  .meta({ id: "WorkspaceSchema" });

export type WorkspaceSchema = z.input<typeof ZWorkspaceSchema>;

const SCHEMA = "/api/v1/workspaces/{ws}/schema";
const TAG = "Schema";

export const getWorkspaceSchemaEndpoint = defineEndpoint({
  method: "GET",
  path: SCHEMA,
  operationId: "getWorkspaceSchema",
  summary: "The workspace's customer schema (standard fields and extended properties) and event types",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: ZWorkspaceSchema },
});

export const getExtendedPropertiesEndpoint = defineEndpoint({
  method: "GET",
  path: `${SCHEMA}/customer/extended`,
  operationId: "getExtendedProperties",
  summary: "The workspace's extended property declarations, as PUT takes them",
  tag: TAG,
  access: { kind: "workspace", permission: "read" },
  params: ZWorkspaceParams,
  success: { status: 200, schema: ZExtendedPropertyList },
});

export const putExtendedPropertiesEndpoint = defineEndpoint({
  method: "PUT",
  path: `${SCHEMA}/customer/extended`,
  operationId: "putExtendedProperties",
  summary:
    "Declare the workspace's extended properties (the full list). New ones are added; existing ones may change label, description, " +
    "merge policy, enabled and add enum values or object properties, but cannot be retyped or removed (disable them instead)",
  tag: TAG,
  access: { kind: "workspace", permission: "admin" },
  params: ZWorkspaceParams,
  body: ZExtendedSchemaUpdate,
  success: { status: 200, schema: ZExtendedPropertyList },
});
