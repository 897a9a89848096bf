// The PATCH body for an edited source: only what changed, so a save never overwrites someone else's
// change to another field.
import type { Source, SourceUpdate } from "@/lib/schemas/sources";

export type SourceFormValues = Pick<Source, "name" | "type" | "allowedOrigins" | "priority">;

export function sourceChanges(saved: SourceFormValues, edited: SourceFormValues): SourceUpdate {
  const changes: SourceUpdate = {};
  if (edited.name.trim() !== saved.name) changes.name = edited.name.trim();
  if (edited.type !== saved.type) changes.type = edited.type;
  if (edited.priority !== saved.priority) changes.priority = edited.priority;
  const same =
    edited.allowedOrigins.length === saved.allowedOrigins.length &&
    edited.allowedOrigins.every((o, i) => o === saved.allowedOrigins[i]);
  if (!same) changes.allowedOrigins = edited.allowedOrigins;
  return changes;
}
