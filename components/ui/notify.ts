// Success and failure toasts for mutations, worded for people: the API's problem detail is safe to show
// (AppError messages are written for the caller), anything else gets a generic line.
import { notifications } from "@mantine/notifications";
import { ApiError } from "@/lib/client/api-client";

export function notifySuccess(message: string, title?: string): void {
  notifications.show({ color: "teal", title, message, withBorder: true });
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.problem.detail || error.problem.title;
  return "Something went wrong. Check your connection and try again.";
}

export function notifyError(error: unknown, title = "That did not work"): void {
  // A 401 is already taking the user to the sign-in page (lib/client/query-client.ts): no toast for it.
  if (error instanceof ApiError && error.status === 401) return;
  notifications.show({ color: "red", title, message: errorMessage(error), withBorder: true, autoClose: 8000 });
}
