// Any /v1 path no route matches: a 404 problem, never the admin app's HTML.
import { problemResponse } from "@/lib/server/http/problem";
import { requestIdOf } from "@/lib/server/http/request-id";

function notFound(req: Request): Response {
  const { pathname } = new URL(req.url);
  return problemResponse({
    code: "not_found",
    detail: `No tracking endpoint at ${req.method} ${pathname}`,
    requestId: requestIdOf(req),
  });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
