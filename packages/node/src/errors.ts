// Every answer that is not a success becomes an AtriumProblemError carrying the RFC 9457 problem Atrium sent
// (its code, the fields at fault, the request id to quote), typed from the OpenAPI document's Problem schema.
import type { components } from "./generated/openapi.js";

export type Problem = components["schemas"]["Problem"];
export type FieldError = NonNullable<Problem["errors"]>[number];

export class AtriumProblemError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Problem;
  /** Field-level errors of a 422: path and message of each bad field. */
  readonly errors: FieldError[];
  readonly requestId: string | null;
  /** Seconds the server asked to wait (Retry-After), on 429 and 503. */
  readonly retryAfter: number | null;

  constructor(status: number, problem: Problem, retryAfter: number | null = null) {
    super(`${status} ${problem.code}: ${problem.detail}`);
    this.name = "AtriumProblemError";
    this.status = status;
    this.code = problem.code;
    this.problem = problem;
    this.errors = problem.errors ?? [];
    this.requestId = problem.requestId || null;
    this.retryAfter = retryAfter;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The problem of an error response; a body that is not one (a proxy's HTML page) is described as one. */
export async function problemFrom(response: Response): Promise<AtriumProblemError> {
  const text = await response.text().catch(() => "");
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: described below.
  }
  const requestId = response.headers.get("x-request-id") ?? "";
  const retryAfter = retryAfterSeconds(response.headers.get("retry-after"));
  if (isObject(body) && typeof body.code === "string" && typeof body.detail === "string")
    return new AtriumProblemError(response.status, body as Problem, retryAfter);
  // An OAuth2 error of the token endpoint (RFC 6749 §5.2).
  if (isObject(body) && typeof body.error === "string") {
    const detail = typeof body.error_description === "string" ? body.error_description : body.error;
    return new AtriumProblemError(
      response.status,
      { type: "about:blank", title: body.error, status: response.status, code: body.error, detail, requestId },
      retryAfter,
    );
  }
  const detail = `Unexpected ${response.headers.get("content-type") ?? "untyped"} answer: ${text.slice(0, 200)}`;
  return new AtriumProblemError(
    response.status,
    {
      type: "about:blank",
      title: response.statusText || "Error",
      status: response.status,
      code: "unexpected_response",
      detail,
      requestId,
    },
    retryAfter,
  );
}

/** Retry-After as seconds: delta-seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}
