import { randomUUID } from "node:crypto";

const SAFE_ID = /^[\w.:-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token (for tracing across systems), otherwise a new one. */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}
