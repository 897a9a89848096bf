// The wrapper of the Segment-compatible tracking API (/v1/*). It differs from route.ts where Segment's
// libraries need it to: the write key comes as Basic auth (key as the user name), Bearer, or `writeKey` in
// the body; any Content-Type is read as JSON (browsers and sendBeacon send text/plain); the answer is
// 200 {"success":true,…} with bad messages counted, never a 422 for the whole batch. Errors are problem+json
// (400 malformed JSON, 401 bad key, 403 refused origin, 413 too large, 429 + Retry-After when rate limited).
import "server-only";
import type { SegmentMessageType } from "@/lib/schemas/tracking";
import { TRACKING_LIMITS } from "@/lib/schemas/tracking";
import { principalFromWriteKey } from "@/lib/server/auth/authenticate";
import { AppError } from "@/lib/server/core/errors";
import type { Principal } from "@/lib/server/core/principal";
import { isPlainObject } from "@/lib/schemas/event-catalogue/common";
import { ingestSegmentBatch } from "@/lib/server/tracking/ingest-segment-batch";
import { readLimited } from "./body";
import { applyCors } from "./cors";
import { errorToResponse, WRITE_KEY_CHALLENGE } from "./problem";
import { requestIdOf } from "./request-id";
import { checkCounted, limitItems, withLimitHeaders } from "./rate-limits";
import type { LimitState } from "@/lib/server/limits/limiter";

type WriteKeyPrincipal = Principal & { type: "writeKey" };

/** The write key from Authorization (Basic key: or Bearer key), else from the body. */
export function writeKeyOf(req: Request, body: unknown): string | null {
  const header = req.headers.get("authorization")?.trim();
  if (header) {
    const [scheme, value = ""] = header.split(/\s+/, 2);
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      return (colon < 0 ? decoded : decoded.slice(0, colon)) || null;
    }
    if (/^bearer$/i.test(scheme)) return value || null;
  }
  return isPlainObject(body) && typeof body.writeKey === "string" && body.writeKey ? body.writeKey : null;
}

export async function writeKeyPrincipal(req: Request, key: string | null): Promise<WriteKeyPrincipal> {
  if (!key)
    throw new AppError("unauthenticated", "Send the source's write key: Authorization: Basic base64(writeKey:)");
  const principal = await principalFromWriteKey(key, req);
  if (!principal || principal.type !== "writeKey") throw new AppError("unauthenticated", "The write key is not valid");
  return principal;
}

async function readJson(req: Request, limit: number): Promise<unknown> {
  const text = await readLimited(req, limit);
  if (text.trim() === "")
    throw new AppError("malformed_json", "The request body is empty; a JSON document is expected");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new AppError("malformed_json", `The request body is not valid JSON${reason}`);
  }
}

/** First address of X-Forwarded-For (set by the proxy in front of Atrium), as Segment fills context.ip. */
function requestIpOf(req: Request): string | null {
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || null;
}

function messagesOf(kind: "batch" | SegmentMessageType, body: Record<string, unknown>): unknown[] {
  if (kind !== "batch") return [{ ...body, type: kind }];
  if (!Array.isArray(body.batch)) {
    throw new AppError("bad_request", "The body must hold the messages in `batch`", {
      errors: [{ path: "batch", message: "Must be an array" }],
    });
  }
  if (body.batch.length > TRACKING_LIMITS.batchMessages) {
    throw new AppError("payload_too_large", `At most ${TRACKING_LIMITS.batchMessages} messages per batch`);
  }
  return body.batch;
}

/** POST /v1/batch, /v1/import, /v1/b (kind "batch") and the single calls (/v1/track, /v1/t …). */
export function trackingRoute(kind: "batch" | SegmentMessageType): (req: Request) => Promise<Response> {
  const limit = kind === "batch" ? TRACKING_LIMITS.batchBytes : TRACKING_LIMITS.singleBytes;
  return async (req) => {
    const requestId = requestIdOf(req);
    const receivedAt = Date.now();
    let response: Response;
    // Rate limits (lib/server/limits): bad write keys per address, messages per write key.
    const limits: LimitState[] = [];
    try {
      const body = await readJson(req, limit);
      const key = writeKeyOf(req, body);
      const principal = key
        ? await checkCounted(req, limits, () => writeKeyPrincipal(req, key))
        : await writeKeyPrincipal(req, key);
      if (!isPlainObject(body)) throw new AppError("bad_request", "The body must be a JSON object");
      const messages = messagesOf(kind, body);
      await limitItems(principal, messages.length, limits);
      const result = await ingestSegmentBatch({
        workspaceId: principal.workspaceId,
        principal,
        messages,
        batchSentAt: body.sentAt,
        receivedAt,
        requestIp: requestIpOf(req),
        requestId,
      });
      response = new Response(JSON.stringify(result), {
        status: 200,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "cache-control": "no-store",
          "x-request-id": requestId,
        },
      });
    } catch (error) {
      response = errorToResponse(error, requestId);
      if (response.status === 401) response.headers.set("www-authenticate", WRITE_KEY_CHALLENGE);
    }
    return applyCors(req, withLimitHeaders(response, limits), true);
  };
}
