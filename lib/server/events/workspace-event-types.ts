// Which event types a workspace accepts, and how each one's properties are checked: the standard catalogue
// minus the types the workspace disabled, plus its enabled custom types. Loaded once per ingestion request,
// so that disabling a type takes effect on the very next request.
import { normalizeEventProperties } from "@/lib/schemas/event-catalogue/normalize";
import { isStandardEventType } from "@/lib/schemas/event-catalogue/registry";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";
import type { Db, Tx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";
import type { FieldError } from "@/lib/server/core/errors";
import { getCustomPropertiesValidator } from "./custom-type-schema";

export type PropertiesOutcome = { ok: true; properties: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export interface WorkspaceEventTypes {
  /** Checks that the type is accepted and its properties fit; standard types' properties come back normalised. */
  check(type: string, properties: unknown): PropertiesOutcome;
}

interface EventTypeRow {
  type: string;
  standard: boolean;
  enabled: boolean;
  propertiesSchema: unknown;
  updatedAt: Date;
}

const EMPTY: Record<string, unknown> = {};

export function workspaceEventTypesOf(workspaceId: string, rows: readonly EventTypeRow[]): WorkspaceEventTypes {
  const byType = new Map(rows.map((row) => [row.type, row]));
  return {
    check(type, properties) {
      const row = byType.get(type);
      if (isStandardEventType(type)) {
        if (row && !row.enabled) return disabled(type);
        const result = normalizeEventProperties(type, properties);
        return result.ok ? { ok: true, properties: result.properties } : result;
      }
      // A row marked standard for a name that is no longer standard is a stale override, not a custom type.
      if (!row || row.standard) {
        return {
          ok: false,
          errors: [
            {
              path: "type",
              message: `Unknown event type "${type}": not in the standard catalogue nor declared in this workspace`,
            },
          ],
        };
      }
      if (!row.enabled) return disabled(type);
      const validate = getCustomPropertiesValidator(
        { workspaceId, type, version: row.updatedAt.toISOString() },
        row.propertiesSchema,
      );
      const errors = validate(properties);
      if (errors.length > 0) return { ok: false, errors };
      return { ok: true, properties: isPlainObject(properties) ? properties : EMPTY };
    },
  };
}

function disabled(type: string): PropertiesOutcome {
  return { ok: false, errors: [{ path: "type", message: `Event type "${type}" is disabled in this workspace` }] };
}

export async function loadWorkspaceEventTypes(
  workspaceId: string,
  client: Db | Tx = db(),
): Promise<WorkspaceEventTypes> {
  const rows = await client.eventType.findMany({
    where: { workspaceId },
    select: { type: true, standard: true, enabled: true, propertiesSchema: true, updatedAt: true },
  });
  return workspaceEventTypesOf(workspaceId, rows);
}
