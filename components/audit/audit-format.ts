// How audit entries read: "customer.identityAdded" → "Customer identity added", a one-line preview of the
// details, and the action names the filter suggests (the server accepts any action or prefix).

const WORD_OVERRIDES: Record<string, string> = { api: "API", csv: "CSV", ip: "IP", id: "ID" };

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[_\s-]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** "consent_history.read" → "Consent history read". */
export function actionLabel(action: string): string {
  const all = action
    .split(".")
    .flatMap(words)
    .map((word) => WORD_OVERRIDES[word] ?? word);
  if (all.length === 0) return action;
  return [all[0].charAt(0).toUpperCase() + all[0].slice(1), ...all.slice(1)].join(" ");
}

function previewValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value))
    return value.length <= 3
      ? value.map(previewValue).join(", ")
      : `${value.slice(0, 3).map(previewValue).join(", ")} +${value.length - 3}`;
  if (typeof value === "object") return "{…}";
  return String(value);
}

/** "keys: marketing.automatic.email · role: admin" — enough to scan a row; the full JSON is one click away. */
export function detailsPreview(details: Record<string, unknown>, maxLength = 120): string {
  // Null members ("key: null" of an unfiltered read) say nothing worth a row's space.
  const text = Object.entries(details)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${previewValue(value)}`)
    .join(" · ");
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
}

/** What the filter accepts: a dotted name, exact or a prefix. */
export { AUDIT_ACTION_PATTERN } from "@/lib/schemas/audit";

export const AUDIT_RESOURCE_SUGGESTIONS = [
  "customer",
  "consent",
  "consent_history",
  "event",
  "eventType",
  "view",
  "member",
  "api_client",
  "source",
  "workspace",
  "identityRules",
  "customerSchema",
  "customers",
] as const;

export const AUDIT_ACTION_SUGGESTIONS = [
  "customer.created",
  "customer.updated",
  "customer.merged",
  "customer.unmerged",
  "customer.identityAdded",
  "customer.identityRemoved",
  "customer.exported",
  "customer.erased",
  "customers.exported_csv",
  "consent.changed",
  "consent_history.read",
  "event.deleted",
  "eventType.created",
  "eventType.updated",
  "view.created",
  "view.updated",
  "view.deleted",
  "member.added",
  "member.updated",
  "member.removed",
  "api_client.created",
  "api_client.revoked",
  "api_client.secret_rotated",
  "source.created",
  "source.updated",
  "source.deleted",
  "source.write_key_rotated",
  "workspace.updated",
  "identityRules.updated",
  "customerSchema.updated",
] as const;
