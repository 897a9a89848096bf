// CSV downloads from the API (Accept: text/csv on customer lists, views and reports). A plain link
// cannot send a POST body or an Accept header, so the file is fetched and handed to the browser as a
// blob; failures come back as ApiError like every other call.
import { ApiError, problemFromResponse } from "./api-client";

export interface CsvRequest {
  url: string;
  method?: "GET" | "POST";
  body?: unknown;
  /** Used when the server does not name the file (Content-Disposition). */
  fallbackName: string;
}

/** `attachment; filename="view-VIPs.csv"` → "view-VIPs.csv" (RFC 6266, including the filename* form). */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape falls through to the plain form.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : "";
  return name || null;
}

export async function fetchCsv({ url, method = "GET", body }: Omit<CsvRequest, "fallbackName">): Promise<Response> {
  const response = await fetch(url, {
    method,
    headers: { accept: "text/csv", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) throw new ApiError(await problemFromResponse(response));
  return response;
}

/** Fetches the CSV and saves it through a temporary link; resolves once the browser has the file. */
export async function downloadCsv(request: CsvRequest): Promise<void> {
  const response = await fetchCsv(request);
  const name = filenameFromDisposition(response.headers.get("content-disposition")) ?? request.fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement("a");
    link.href = href;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoked on the next tick: revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(href), 0);
  }
}
