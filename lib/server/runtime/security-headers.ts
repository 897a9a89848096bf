// Security headers on every response, UI, API and the OAuth mount alike (docs/security.md): next.config.ts
// adds them to what Next.js serves, the custom server (http-server.ts) to everything, the OAuth2 server too.
// The admin app is a React SPA
// rendered by Next.js, whose hydration scripts are inline and Mantine sets inline styles: script-src and
// style-src allow 'unsafe-inline' (no nonces yet), everything else is locked to this origin. Nobody may
// frame Atrium (clickjacking of the members screen): frame-ancestors 'none' and X-Frame-Options DENY.
const dev = process.env.NODE_ENV !== "production";
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: CONTENT_SECURITY_POLICY },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** HSTS only over HTTPS (behind a TLS proxy that says so): over plain HTTP it would be ignored or, on a
 * shared host name, lock out a plain-HTTP installation. */
export const HSTS = { key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" };

/** Sets them on a Node response; HSTS when the request came over HTTPS (directly or via a TLS proxy). */
export function applySecurityHeaders(
  req: { headers: Record<string, string | string[] | undefined>; socket?: unknown },
  res: { setHeader(name: string, value: string): unknown },
): void {
  for (const { key, value } of SECURITY_HEADERS) res.setHeader(key, value);
  const socket = req.socket as { encrypted?: boolean } | undefined;
  if (socket?.encrypted || req.headers["x-forwarded-proto"] === "https") res.setHeader(HSTS.key, HSTS.value);
}
