// Step "authenticate" of the route wrapper: turns request credentials into a Principal (or null).
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/core/errors";
import { hashWriteKey, looksLikeWriteKey } from "@/lib/server/sources/write-keys";
import { principalFromAccessToken } from "./access-tokens";
import type { Principal } from "@/lib/server/core/principal";
import { principalFromSession } from "./session";

function bearerTokenOf(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthenticated", "Use Authorization: Bearer <token>");
  return match[1];
}

/** A source write key and the request's Origin → the source's principal; null for an unknown key, 403 for a refused origin. */
export async function principalFromWriteKey(key: string, req: Request): Promise<Principal | null> {
  const source = await db().source.findUnique({
    where: { writeKeyHash: hashWriteKey(key) },
    select: { id: true, name: true, type: true, workspaceId: true, allowedOrigins: true, rateLimitPerMinute: true },
  });
  if (!source) return null;
  const origin = req.headers.get("origin");
  if (origin && source.allowedOrigins.length > 0 && !source.allowedOrigins.includes(origin)) {
    throw new AppError("forbidden", "This write key is not allowed from this origin");
  }
  return {
    type: "writeKey",
    sourceId: source.id,
    sourceName: source.name,
    sourceType: source.type,
    workspaceId: source.workspaceId,
    rateLimitPerMinute: source.rateLimitPerMinute,
  };
}

/** Null when no credentials were sent; 401 when credentials were sent but are not valid. */
export async function authenticate(req: Request): Promise<Principal | null> {
  const token = bearerTokenOf(req);
  if (token) {
    const principal = looksLikeWriteKey(token)
      ? await principalFromWriteKey(token, req)
      : await principalFromAccessToken(token);
    if (!principal) throw new AppError("unauthenticated", "The access token or write key is not valid");
    return principal;
  }
  return principalFromSession(req);
}
