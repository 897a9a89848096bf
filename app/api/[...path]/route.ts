// Any /api path no route matches: a 404 problem, in the API's own format.
import { problemResponse } from "@/lib/server/http/problem";
import { requestIdOf } from "@/lib/server/http/request-id";

function notFound(req: Request): Response {
  const { pathname } = new URL(req.url);
  return problemResponse({
    code: "not_found",
    detail: `No API endpoint at ${req.method} ${pathname}`,
    requestId: requestIdOf(req),
  });
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
