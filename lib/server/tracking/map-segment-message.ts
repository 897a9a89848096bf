// One Segment message → what Atrium stores: an event for ingestion (track, page, screen, group, and identify
// when traits are left over) and/or a customer write through identity resolution (identify, alias).
// Pure and in memory: the batch service runs the writes.
import type { CustomerWrite } from "@/lib/schemas/customers";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";
import { type SegmentMessage, type UnmappedTrackEvents, ZSegmentMessage } from "@/lib/schemas/tracking";
import type { FieldError } from "@/lib/server/core/errors";
import { issuesToFieldErrors } from "@/lib/server/core/field-errors";
import { validateExtended, type ExtendedPropertyDefinition } from "@/lib/server/customers/validate-extended";
import { mappedTrackEvent } from "./ecommerce-events";
import { correctedTimes } from "./event-time";
import { mapTraits } from "./identify-traits";
import { channelOf, contextInfoOf } from "./segment-context";

type Json = Record<string, unknown>;

export interface MapEnv {
  /** Server time of the request (epoch ms): Segment's receivedAt. */
  receivedAt: number;
  /** The batch envelope's sentAt, when the library puts it there. */
  batchSentAt: unknown;
  requestIp: string | null;
  unmapped: UnmappedTrackEvents;
  /** The workspace's enabled extended properties: identify traits of those names go to `extended`. */
  extendedDefinitions: readonly ExtendedPropertyDefinition[];
}

export type MappedMessage =
  | { ok: true; messageId: string | null; event: Json | null; customer: CustomerWrite | null }
  | { ok: false; messageId: string | null; errors: FieldError[] };

const fail = (messageId: string | null, errors: FieldError[]): MappedMessage => ({ ok: false, messageId, errors });

function compact(value: Json): Json {
  const out: Json = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined && member !== null) out[key] = member;
  return out;
}

function pageProperties(message: SegmentMessage): Json {
  const properties: Json = message.properties ?? {};
  const page = isPlainObject(message.context?.page) ? message.context.page : {};
  const { url, path, title, referrer, search, ...rest } = properties;
  return compact({
    ...rest,
    url: url ?? page.url,
    path: path ?? page.path,
    title: title ?? page.title ?? message.name,
    referrer: referrer ?? page.referrer,
    search: search ?? page.search,
    pageName: message.name ?? undefined,
    pageCategories: message.category ? [message.category] : undefined,
  });
}

function trackTypeAndProperties(message: SegmentMessage, env: MapEnv): { type: string; properties: Json } | null {
  const name = message.event!;
  const properties: Json = message.properties ?? {};
  const mapping = mappedTrackEvent(name);
  if (mapping) return { type: mapping.type, properties: { ...mapping.properties(properties), segmentEvent: name } };
  if (env.unmapped === "reject") return null;
  // `name` is the generic type's own field; a property of that name is kept apart rather than overwritten.
  const { name: propertyName, ...rest } = properties;
  return {
    type: "genericActiveEvent",
    properties: { ...rest, ...(propertyName === undefined ? {} : { nameProperty: propertyName }), name },
  };
}

export function mapSegmentMessage(raw: unknown, env: MapEnv): MappedMessage {
  const rawMessageId = isPlainObject(raw) && typeof raw.messageId === "string" ? raw.messageId : null;
  const parsed = ZSegmentMessage.safeParse(raw);
  if (!parsed.success) return fail(rawMessageId, issuesToFieldErrors(parsed.error.issues));
  const message = parsed.data;
  const messageId = message.messageId || null;
  const userId = message.userId || null;
  const anonymousId = message.anonymousId || null;
  if (!userId && !anonymousId && message.type !== "alias")
    return fail(messageId, [{ path: "userId", message: "One of userId or anonymousId is required" }]);

  const times = correctedTimes(message, env.batchSentAt, env.receivedAt);
  if (!times.ok) return fail(messageId, times.errors);
  const base: Json = compact({
    context: channelOf(message.type, message.context),
    occurredAt: times.occurredAt,
    sentAt: times.sentAt,
    contextInfo: contextInfoOf(message.context, env.requestIp),
    externalId: userId,
    anonymousId,
    messageId,
  });

  switch (message.type) {
    case "track": {
      if (!message.event) return fail(messageId, [{ path: "event", message: "Required for a track call" }]);
      const mapped = trackTypeAndProperties(message, env);
      if (!mapped)
        return fail(messageId, [
          { path: "event", message: `No standard event type for "${message.event}" and this workspace rejects others` },
        ]);
      return { ok: true, messageId, customer: null, event: { ...base, ...mapped } };
    }
    case "page":
      return {
        ok: true,
        messageId,
        customer: null,
        event: { ...base, type: "viewedPage", properties: pageProperties(message) },
      };
    case "screen": {
      const { name: screenName, ...rest } = message.properties ?? {};
      const properties = compact({ ...rest, title: message.name ?? screenName, screen: true });
      return { ok: true, messageId, customer: null, event: { ...base, type: "viewedPage", properties } };
    }
    case "group": {
      if (!message.groupId) return fail(messageId, [{ path: "groupId", message: "Required for a group call" }]);
      const extra = { groupId: message.groupId, traits: message.traits ?? {} };
      return {
        ok: true,
        messageId,
        customer: null,
        event: { ...base, type: "genericActiveEvent", properties: { name: "Group", extra } },
      };
    }
    case "alias": {
      if (!userId) return fail(messageId, [{ path: "userId", message: "Required for an alias call" }]);
      if (!message.previousId) return fail(messageId, [{ path: "previousId", message: "Required for an alias call" }]);
      return { ok: true, messageId, event: null, customer: { externalId: userId, anonymousId: message.previousId } };
    }
    case "identify": {
      const traits: Json = message.traits ?? (isPlainObject(message.context?.traits) ? message.context.traits : {});
      const mapped = mapTraits(traits, new Set(env.extendedDefinitions.map((d) => d.name)));
      // A declared property with a value of the wrong type stays on the event instead of failing the identify.
      for (const error of validateExtended(mapped.extended, env.extendedDefinitions)) {
        const name = error.path.split(".")[1];
        if (name in mapped.extended) {
          mapped.rest[name] = mapped.extended[name];
          delete mapped.extended[name];
        }
      }
      const customer: CustomerWrite = {
        ...(userId ? { externalId: userId } : {}),
        ...(anonymousId ? { anonymousId } : {}),
        ...(Object.keys(mapped.base).length > 0 ? { base: mapped.base } : {}),
        ...(Object.keys(mapped.extended).length > 0 ? { extended: mapped.extended } : {}),
      };
      // Traits with no home on the profile stay on an identify event rather than vanish.
      const event =
        Object.keys(mapped.rest).length > 0
          ? { ...base, type: "genericActiveEvent", properties: { name: "Identify", extra: mapped.rest } }
          : null;
      return { ok: true, messageId, customer, event };
    }
  }
}
