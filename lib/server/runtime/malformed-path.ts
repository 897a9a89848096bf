// A request path Next.js cannot decode (malformed percent-encoding, or an overlong UTF-8 sequence such as
// %C0%AE) makes its router throw URIError and answer 500 text/plain before any route runs. The HTTP server
// refuses such a path itself, with a 400 problem like every other API error.
import type { ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";

/** Whether every segment of the URL's path decodes as UTF-8 (decodeURIComponent refuses overlong forms). */
export function isDecodablePath(url: string): boolean {
  const path = url.split(/[?#]/, 1)[0];
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}

export function refuseMalformedPath(res: ServerResponse): void {
  const requestId = randomUUID();
  res.writeHead(400, { "content-type": "application/problem+json", "x-request-id": requestId });
  res.end(
    JSON.stringify({
      type: "https://atrium.dev/problems/bad-request",
      title: "Bad request",
      status: 400,
      detail: "The request path is not valid percent-encoded UTF-8",
      code: "bad_request",
      requestId,
    }),
  );
}
