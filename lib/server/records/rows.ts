// The rows that more than one write path creates — customer, identity, customer-source link and audit
// entry — defined once. The Prisma path (customers/, audit/) hands these values to Prisma; event
// ingestion's raw-SQL path inserts many at once with insertRows (./insert-rows.ts), whose column lists
// below name the same fields with their SQL types, so both paths write the same shapes.
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";
import type { JsonObject } from "@/lib/server/core/json";
import { buildSearchText } from "./search-text";

/** Who made a change, as the audit log records it. */
export interface Actor {
  type: ActorType;
  id?: string | null;
  name?: string | null;
}

/** Changes made by Atrium itself or from the command line, where nobody is signed in. */
export const SYSTEM_ACTOR: Actor = { type: "SYSTEM", name: "system" };

/** A customer profile's own properties, as written to its row. */
export interface CustomerProperties {
  externalId: string | null;
  base: JsonObject;
  extended: JsonObject;
  tags: string[];
  consents: JsonObject;
}

export const EMPTY_PROPERTIES: CustomerProperties = {
  externalId: null,
  base: {},
  extended: {},
  tags: [],
  consents: {},
};

/** The property columns of a customer row; searchText is rebuilt on every write so search never goes stale. */
export function customerColumns(props: CustomerProperties) {
  return {
    externalId: props.externalId,
    base: props.base as Prisma.InputJsonObject,
    extended: props.extended as Prisma.InputJsonObject,
    tags: props.tags,
    consents: props.consents as Prisma.InputJsonObject,
    searchText: buildSearchText({ externalId: props.externalId, base: props.base }),
  };
}

export interface IdentityRow {
  workspaceId: string;
  customerId: string;
  type: string;
  value: string;
  sourceId: string | null;
  /** The profile field the value was read from; null for identities attached by hand or carried by a write. */
  derivedFrom: string | null;
}

export interface CustomerSourceRow {
  workspaceId: string;
  customerId: string;
  sourceId: string;
}

export interface AuditEntryInput {
  /** Null for installation-wide actions (users, sign-ins). */
  workspaceId: string | null;
  actor: Actor;
  /** "<resource>.<past-tense verb>", e.g. "member.added". */
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Prisma.InputJsonObject;
  requestId?: string;
  ip?: string;
}

export function auditRow(entry: AuditEntryInput) {
  return {
    workspaceId: entry.workspaceId,
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    actorName: entry.actor.name ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  };
}

/** The SQL type of each column the raw-SQL path writes (an unnest parameter is cast to `<type>[]`). */
export const ROW_COLUMNS = {
  Customer: {
    workspaceId: "uuid",
    id: "uuid",
    externalId: "text",
    base: "jsonb",
    extended: "jsonb",
    consents: "jsonb",
    searchText: "text",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
  },
  Identity: {
    workspaceId: "uuid",
    id: "uuid",
    customerId: "uuid",
    type: "text",
    value: "text",
    sourceId: "uuid",
    firstSeenAt: "timestamp(3)",
    lastSeenAt: "timestamp(3)",
    derivedFrom: "text",
  },
  CustomerSource: { workspaceId: "uuid", customerId: "uuid", sourceId: "uuid", firstSeenAt: "timestamp(3)" },
  AuditEntry: {
    id: "uuid",
    workspaceId: "uuid",
    at: "timestamp(3)",
    actorType: '"ActorType"',
    actorId: "text",
    actorName: "text",
    action: "text",
    targetType: "text",
    targetId: "text",
    details: "jsonb",
    requestId: "text",
    ip: "text",
  },
} as const;

export type RowTable = keyof typeof ROW_COLUMNS;
