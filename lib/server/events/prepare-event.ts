// Step one of ingestion, in memory and per item: check an incoming event and turn it into the row to store
// (minus its customer, which identity resolution decides for the whole batch at once).
import { MAX_ERRORS_PER_EVENT } from "@/lib/schemas/event-catalogue/field-errors";
import type { EventContext } from "@/lib/schemas/event-catalogue/context";
import { MAX_FUTURE_SKEW_MS, ZEventWrite } from "@/lib/schemas/events";
import { findInputProblem } from "@/lib/schemas/input-rules";
import type { IdentityRules } from "@/lib/schemas/identity-rules";
import { isUuid } from "@/lib/server/db/ids";
import type { FieldError } from "@/lib/server/core/errors";
import { issuesToFieldErrors } from "@/lib/server/core/field-errors";
import { normalizeCandidate } from "@/lib/server/identity/identity-candidates";
import { enrichEvent } from "./enrich";
import type { WorkspaceEventTypes } from "./workspace-event-types";

export interface PreparedEvent {
  index: number;
  type: string;
  /** As sent; null when the event named none (ingest.ts defaults it from the source's type). */
  context: EventContext | null;
  /** ISO 8601 in UTC. */
  occurredAt: string;
  sentAt: string | null;
  /** properties and the enriched contextInfo, serialised once here: the insert sends them as JSON anyway. */
  propertiesJson: string;
  contextInfoJson: string;
  /** As sent (a uuid); resolution maps a merged-away id to its survivor. */
  customerId: string | null;
  /** Normalised like the Identity values they are matched against. */
  externalId: string | null;
  anonymousId: string | null;
  messageId: string | null;
  sourceId: string | null;
}

export type PrepareOutcome = { ok: true; event: PreparedEvent } | { ok: false; errors: FieldError[] };

export interface PrepareEnv {
  eventTypes: WorkspaceEventTypes;
  rules: IdentityRules;
  /** The write key's source: events sent with a write key always come from it. */
  writeKeySourceId: string | null;
  /** Server time in epoch milliseconds. */
  now: number;
  /** Per-batch memo of identity normalisation (a batch names the same people many times). */
  identityMemo: Map<string, string | null>;
}

const NOT_USABLE = "Not usable as an identity: empty or a placeholder value blocked by the identity rules";

function normalizedIdentity(
  env: PrepareEnv,
  type: "externalId" | "anonymousId",
  raw: string | null | undefined,
): string | null {
  if (!raw) return null;
  const key = `${type}\u0000${raw}`;
  const memo = env.identityMemo.get(key);
  if (memo !== undefined) return memo;
  const value = normalizeCandidate(type, raw, env.rules)?.value ?? null;
  env.identityMemo.set(key, value);
  return value;
}

function failed(errors: FieldError[]): PrepareOutcome {
  return { ok: false, errors: errors.length > MAX_ERRORS_PER_EVENT ? errors.slice(0, MAX_ERRORS_PER_EVENT) : errors };
}

export function prepareEvent(raw: unknown, index: number, env: PrepareEnv): PrepareOutcome {
  // First, and without recursion: text PostgreSQL refuses (NUL, lone surrogates: one such item in the multi-row
  // insert would fail the whole batch) and nesting deeper than MAX_JSON_DEPTH (which would overflow the stack
  // of the recursive steps below, JSON.stringify included). The route checked the batch around the items.
  const problem = findInputProblem(raw);
  if (problem) return failed([problem]);
  const parsed = ZEventWrite.safeParse(raw);
  if (!parsed.success) return failed(issuesToFieldErrors(parsed.error.issues));
  const input = parsed.data;
  const errors: FieldError[] = [];

  const checked = env.eventTypes.check(input.type, input.properties);
  if (!checked.ok) errors.push(...checked.errors);

  const occurredAtMs = input.occurredAt ? Date.parse(input.occurredAt) : env.now;
  if (occurredAtMs > env.now + MAX_FUTURE_SKEW_MS)
    errors.push({ path: "occurredAt", message: "Must not be more than 24 hours in the future" });

  // The customer is named by the first usable of customerId, externalId, anonymousId; the others are kept.
  const customerId = input.customerId ?? null;
  if (customerId !== null && !isUuid(customerId))
    errors.push({ path: "customerId", message: "No such customer in this workspace" });
  const externalId = normalizedIdentity(env, "externalId", input.externalId);
  const anonymousId = normalizedIdentity(env, "anonymousId", input.anonymousId);
  if (customerId === null && externalId === null && anonymousId === null) {
    for (const field of ["externalId", "anonymousId"] as const)
      if (input[field]) errors.push({ path: field, message: NOT_USABLE });
  }

  const sourceId = env.writeKeySourceId ?? input.sourceId ?? null;
  if (env.writeKeySourceId && input.sourceId && input.sourceId !== env.writeKeySourceId) {
    errors.push({ path: "sourceId", message: "A write key can only write as its own source" });
  } else if (sourceId !== null && !isUuid(sourceId)) {
    errors.push({ path: "sourceId", message: "No such source in this workspace" });
  }

  if (errors.length > 0 || !checked.ok) return failed(errors);
  const properties = checked.properties;
  const propertiesJson = JSON.stringify(properties);
  // Enrichment only derives text from strings checked above.
  const contextInfoJson = JSON.stringify(enrichEvent({ type: input.type, properties, contextInfo: input.contextInfo }));
  return {
    ok: true,
    event: {
      index,
      type: input.type,
      context: input.context ?? null,
      occurredAt: new Date(occurredAtMs).toISOString(),
      sentAt: input.sentAt ? new Date(input.sentAt).toISOString() : null,
      propertiesJson,
      contextInfoJson,
      customerId,
      externalId,
      anonymousId,
      messageId: input.messageId ?? null,
      sourceId,
    },
  };
}
