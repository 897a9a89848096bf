// The caller's network address, for per-address limits. The HTTP server (lib/server/runtime/http-server.ts)
// writes it into CLIENT_ADDRESS_HEADER for Next's route handlers, after removing any such header the client
// sent: the socket's address, or the first X-Forwarded-For hop when TRUST_PROXY=1 (a proxy in front sets it).
import type { IncomingMessage } from "node:http";

export const CLIENT_ADDRESS_HEADER = "x-atrium-client-address";

export function socketClientAddress(req: IncomingMessage): string {
  const forwarded =
    process.env.TRUST_PROXY === "1"
      ? String(req.headers["x-forwarded-for"] ?? "")
          .split(",")[0]
          .trim()
      : "";
  return forwarded || req.socket.remoteAddress || "unknown";
}

/** Replaces whatever the client sent in CLIENT_ADDRESS_HEADER with its real address. */
export function stampClientAddress(req: IncomingMessage): void {
  req.headers[CLIENT_ADDRESS_HEADER] = socketClientAddress(req);
}

/** In a route handler: the address the server stamped ("unknown" when not served by it, e.g. in tests). */
export function requestClientAddress(req: Request): string {
  return req.headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
