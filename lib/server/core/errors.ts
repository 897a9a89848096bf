// Domain errors: every expected failure has a code from one list. The HTTP layer maps each code to a
// status (lib/server/http/error-status.ts); services never see HTTP.
export const ERROR_CODES = [
  "bad_request",
  "malformed_json",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "validation_failed",
  "rate_limited",
  "internal",
  "unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A field that failed validation. `path` names the field in the input the service was given. */
export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  errors?: FieldError[];
  /** Resource-specific members of the problem, such as `existingCustomerId` on a conflict. */
  extra?: Record<string, unknown>;
  /** Seconds after which a `rate_limited` or `unavailable` request may be retried. */
  retryAfterSeconds?: number;
}

/**
 * An expected failure whose message is safe to show to the caller. Anything else thrown becomes a
 * generic 500 (logged with the request id).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: AppErrorOptions = {},
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Resource") => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("forbidden", message);
export const validationFailed = (errors: FieldError[], message = "The request is not valid") =>
  new AppError("validation_failed", message, { errors });
