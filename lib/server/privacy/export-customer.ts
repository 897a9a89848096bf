// GET …/customers/{id}/export: everything held about the person as one JSON document. All but the
// events is read in one REPEATABLE READ transaction (a consistent picture) together with the
// "customer.exported" audit entry; the events are then streamed page by page, so memory stays bounded
// however long the person's history is (see export-stream.ts). Everything held means also the merges'
// snapshots (values a merge overwrote) and anonymous events of anonymous ids only seen on her events
// (person-anonymous-ids.ts). The consent history and audit entries need the consent-history permission.
import type { Customer as CustomerRow, Prisma } from "@/lib/generated/prisma/client";
import type { ConsentState } from "@/lib/schemas/consents";
import type { ExportAbsorbedCustomer, ExportMerge } from "@/lib/schemas/privacy";
import { recordAudit, type Actor } from "@/lib/server/audit/record-audit";
import { serializeAuditEntry } from "@/lib/server/audit/serialize-audit-entry";
import { serializeConsentRecord } from "@/lib/server/consents/serialize-consent-record";
import { asObject } from "@/lib/server/core/json";
import { loadCustomer, resolveCustomerId } from "@/lib/server/records/load-customer";
import { serializeCustomer } from "@/lib/server/customers/serialize-customer";
import { db, type Tx } from "@/lib/server/db/client";
import { serializeMerge } from "@/lib/server/customers/list-customer-merges";
import { absorbedCustomerIds } from "./absorbed-customer-ids";
import { streamExport, type ExportWithoutEvents } from "./export-stream";
import { personAnonymousIds } from "./person-anonymous-ids";

export interface ExportCustomerInput {
  workspaceId: string;
  customerId: string;
  actor: Actor;
  /** The caller holds the consent-history permission: the export includes the registry and the audit entries. */
  includeRegistry: boolean;
  requestId?: string;
}

/** Which events are the person's: their own, and anonymous ones of their anonymous ids not yet attached. */
export function personEvents(workspaceId: string, customerId: string, anonymousIds: string[]): Prisma.EventWhereInput {
  return {
    workspaceId,
    OR: [{ customerId }, ...(anonymousIds.length > 0 ? [{ customerId: null, anonymousId: { in: anonymousIds } }] : [])],
  };
}

function serializeAbsorbed(row: CustomerRow): ExportAbsorbedCustomer {
  return {
    id: row.id,
    externalId: row.externalId,
    base: asObject(row.base),
    extended: asObject(row.extended),
    tags: row.tags,
    consents: asObject(row.consents),
    mergedIntoId: row.mergedIntoId,
    createdAt: row.createdAt.toISOString(),
  };
}

function serializeExportMerge(row: Parameters<typeof serializeMerge>[0]): ExportMerge {
  return { ...serializeMerge(row), snapshot: asObject(row.snapshot) };
}

async function readPerson(
  tx: Tx,
  workspaceId: string,
  id: string,
  includeRegistry: boolean,
): Promise<ExportWithoutEvents & { anonymousIds: string[] }> {
  const customer = await loadCustomer(tx, workspaceId, id);
  const absorbedIds = await absorbedCustomerIds(tx, workspaceId, id);
  const people = [id, ...absorbedIds];
  // One after the other: an interactive transaction is one connection, so parallel queries would only queue.
  const links = await tx.customerSource.findMany({
    where: { workspaceId, customerId: id },
    include: { source: true },
    orderBy: { firstSeenAt: "asc" },
  });
  const records = includeRegistry
    ? await tx.consentRecord.findMany({
        where: { workspaceId, customerId: id, kind: "CHANGE" },
        orderBy: [{ changedAt: "desc" }, { id: "desc" }],
      })
    : null;
  const merges = await tx.merge.findMany({
    where: { workspaceId, OR: [{ survivorId: { in: people } }, { absorbedId: { in: people } }] },
    orderBy: { id: "desc" },
  });
  const absorbed = await tx.customer.findMany({
    where: { workspaceId, id: { in: absorbedIds } },
    orderBy: { id: "asc" },
  });
  const audit = includeRegistry
    ? await tx.auditEntry.findMany({
        where: { workspaceId, targetType: "customer", targetId: { in: people } },
        orderBy: [{ at: "desc" }, { id: "desc" }],
      })
    : null;
  const anonymousIds = await personAnonymousIds(tx, workspaceId, people);
  return {
    exportedAt: new Date().toISOString(),
    customer: serializeCustomer(customer),
    identities: customer.identities.map((row) => ({
      id: row.id,
      type: row.type,
      value: row.value,
      sourceId: row.sourceId,
      firstSeenAt: row.firstSeenAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
    })),
    sources: links.map((link) => ({
      id: link.sourceId,
      name: link.source.name,
      type: link.source.type,
      firstSeenAt: link.firstSeenAt.toISOString(),
    })),
    consents: {
      state: asObject(customer.consents) as ConsentState,
      ...(records ? { history: records.map(serializeConsentRecord) } : {}),
    },
    merges: merges.map(serializeExportMerge),
    absorbedCustomers: absorbed.map(serializeAbsorbed),
    ...(audit ? { auditEntries: audit.map(serializeAuditEntry) } : {}),
    withheld: includeRegistry ? [] : ["consents.history", "auditEntries"],
    anonymousIds,
  };
}

/** A merged-away id exports its survivor, the profile that now holds the person's data. */
export async function exportCustomer({
  workspaceId,
  customerId,
  actor,
  includeRegistry,
  requestId,
}: ExportCustomerInput): Promise<Response> {
  const id = await resolveCustomerId(workspaceId, customerId);
  const { anonymousIds, ...document } = await db().$transaction(
    async (tx) => {
      const person = await readPerson(tx, workspaceId, id, includeRegistry);
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "customer.exported",
        targetType: "customer",
        targetId: id,
        details: { withheld: person.withheld },
        requestId,
      });
      return person;
    },
    { isolationLevel: "RepeatableRead" },
  );
  return new Response(streamExport(document, personEvents(workspaceId, id, anonymousIds)), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="customer-${id}.json"`,
      "cache-control": "no-store",
    },
  });
}
