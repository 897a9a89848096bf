// RFC 9457 problem details: the only error body the API sends.
import "server-only";
import { AppError, type ErrorCode, type FieldError } from "@/lib/server/core/errors";
import { log } from "@/lib/server/log";
import { ERROR_STATUS, ERROR_TITLE } from "./error-status";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: FieldError[];
  requestId: string;
}

/** `extra` adds resource-specific members, such as `existingCustomerId` on a 409. */
export function problemResponse(
  problem: Omit<Problem, "type" | "title" | "status">,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): Response {
  const status = ERROR_STATUS[problem.code];
  const body: Problem & Record<string, unknown> = {
    type: `https://atrium.dev/problems/${problem.code.replaceAll("_", "-")}`,
    title: ERROR_TITLE[problem.code],
    status,
    ...problem,
    ...extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": PROBLEM_CONTENT_TYPE,
      "x-request-id": problem.requestId,
      ...(status === 401 ? { "www-authenticate": BEARER_CHALLENGE } : {}),
      ...headers,
    },
  });
}

/** RFC 9110 §11.6.1: a 401 names the scheme to authenticate with. Write-key endpoints pass their own. */
export const BEARER_CHALLENGE = 'Bearer realm="atrium"';
export const WRITE_KEY_CHALLENGE = 'Basic realm="atrium write key"';

function retryAfterHeaders(seconds: number | undefined): Record<string, string> {
  return seconds === undefined ? {} : { "retry-after": String(Math.max(0, Math.ceil(seconds))) };
}

/** Maps anything thrown by a handler to a problem response; unexpected errors never leak details. */
export function errorToResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError) {
    return problemResponse(
      { code: error.code, detail: error.message, errors: error.options.errors, requestId },
      retryAfterHeaders(error.options.retryAfterSeconds),
      error.options.extra,
    );
  }
  log.error({ err: error, requestId }, "unhandled error");
  return problemResponse({
    code: "internal",
    detail: "An unexpected error occurred. Quote the request id when reporting it.",
    requestId,
  });
}
