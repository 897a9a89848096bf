// The built-in authorization server alone (lib/server/auth/oidc/mount.ts) over real HTTP on a loopback
// port, for tests of /oauth/*. The issuer URL contains the port, so the server listens first and the
// provider is created after, with PUBLIC_URL set to this server.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createOAuthMount } from "@/lib/server/auth/oidc/mount";

export interface OAuthServer {
  url: string;
  close: () => Promise<void>;
}

export async function startOAuthServer(): Promise<OAuthServer> {
  const mount: { handle?: Awaited<ReturnType<typeof createOAuthMount>> } = {};
  const server = createServer((req, res) => void mount.handle!(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = url;
  mount.handle = await createOAuthMount();
  return {
    url,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
