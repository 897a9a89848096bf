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

export interface CsvProgress {
  /** Lines received so far, header included (a quoted value with a line break counts twice: it is a progress bar). */
  lines: number;
  /** Rows the server said it will send (x-export-rows), when it said. */
  rows: number | null;
  /** The server cut the export at its row limit (x-export-truncated). */
  truncated: boolean;
  limit: number | null;
}

async function readWithProgress(response: Response, onProgress: (progress: CsvProgress) => void): Promise<Blob> {
  const header = (name: string) => response.headers.get(name);
  const rows = header("x-export-rows") === null ? null : Number(header("x-export-rows"));
  const limit = header("x-export-row-limit") === null ? null : Number(header("x-export-row-limit"));
  const truncated = header("x-export-truncated") === "true";
  if (!response.body) return response.blob();
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let lines = 0;
  onProgress({ lines, rows, truncated, limit });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    for (const byte of value) if (byte === 10) lines += 1;
    onProgress({ lines, rows, truncated, limit });
  }
  return new Blob(chunks, { type: response.headers.get("content-type") ?? "text/csv" });
}

/** Fetches the CSV and saves it through a temporary link; resolves once the browser has the file. */
export async function downloadCsv(request: CsvRequest, onProgress?: (progress: CsvProgress) => void): Promise<void> {
  const response = await fetchCsv(request);
  const name = filenameFromDisposition(response.headers.get("content-disposition")) ?? request.fallbackName;
  const blob = onProgress ? await readWithProgress(response, onProgress) : await response.blob();
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
