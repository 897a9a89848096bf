// Reading a JSON request body with a size limit that holds even when Content-Length is absent or lies.
import { AppError } from "@/lib/server/core/errors";

export const MiB = 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 1 * MiB;
export const BATCH_BODY_LIMIT = 5 * MiB;

const tooLarge = (limit: number) =>
  new AppError("payload_too_large", `The request body exceeds the limit of ${limit} bytes`, { extra: { limit } });

/** The body's exact bytes (signed webhooks are verified on these), with the same size limit. */
export async function readRawBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as text, whatever its content type (the tracking API takes text/plain JSON from browsers). */
export async function readLimited(req: Request, limit: number): Promise<string> {
  const bytes = await readRawBody(req, limit);
  // fatal: invalid UTF-8 is refused (400), not silently turned into U+FFFD and stored as something else.
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("malformed_json", "The request body is not valid UTF-8");
  }
}

function isJsonContentType(value: string | null): boolean {
  if (!value) return false;
  const mediaType = value.split(";")[0].trim().toLowerCase();
  return mediaType === "application/json" || mediaType.endsWith("+json");
}

/** The parsed JSON body; 415 when it is not declared as JSON, 400 when it does not parse, 413 when too big. */
export async function readJsonBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json");
  }
  const text = await readLimited(req, limit);
  if (text.trim() === "")
    throw new AppError("malformed_json", "The request body is empty; a JSON document is expected");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof SyntaxError ? `: ${error.message}` : "";
    throw new AppError("malformed_json", `The request body is not valid JSON${reason}`);
  }
}
