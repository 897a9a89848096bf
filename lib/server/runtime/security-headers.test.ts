// The security headers through a real Node HTTP server, the way the custom server applies them.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { applySecurityHeaders } from "./security-headers";

let server: Server;
let url: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    applySecurityHeaders(req, res);
    res.end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("security headers", () => {
  it("are set on every response, with frame-ancestors none, and no HSTS over plain HTTP", async () => {
    const res = await fetch(`${url}/api/v1/anything`);
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("content-security-policy")).toMatch(/object-src 'none'/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("add HSTS behind a TLS proxy", async () => {
    const res = await fetch(url, { headers: { "x-forwarded-proto": "https" } });
    expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });

  it("are what next.config.ts gives every Next.js route too", async () => {
    const rules = (await nextConfig.headers?.()) ?? [];
    const all = rules.find((rule) => rule.source === "/:path*" && !rule.has);
    expect(all?.headers.map((h) => h.key)).toEqual(
      expect.arrayContaining(["Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"]),
    );
    expect(rules.find((rule) => rule.has)?.headers.map((h) => h.key)).toEqual(["Strict-Transport-Security"]);
  });
});
