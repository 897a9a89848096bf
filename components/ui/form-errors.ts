// Errors of a failed form submission: a field's own message next to its input (422 `errors[].path`),
// and whatever is not about one of the form's fields as a message above the buttons.
import { ApiError } from "@/lib/client/api-client";
import { errorMessage } from "./notify";

export function fieldError(error: unknown, path: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  // A list field's items are reported as "allowedOrigins.2": show them on the list's input.
  return error.fieldError(path) ?? error.problem.errors?.find((e) => e.path.startsWith(`${path}.`))?.message;
}

/** The message for the form as a whole, or undefined when every error is shown next to a field. */
export function formError(error: unknown, fields: readonly string[]): string | undefined {
  if (!error) return undefined;
  if (error instanceof ApiError && error.status === 401) return undefined;
  if (fields.some((field) => fieldError(error, field) !== undefined)) return undefined;
  return errorMessage(error);
}
