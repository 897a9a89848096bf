// A real webhook receiver for tests: a node:http server on 127.0.0.1 that verifies every request with
// the `standardwebhooks` package (the reference implementation, not our signing code) and answers with
// the status a test scripts.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Received {
  id: string;
  type: string;
  payload: { type: string; timestamp: string; data: unknown };
  headers: IncomingHttpHeaders;
  verified: boolean;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status for the next request (default 200). */
  answer: (status: number | ((n: number) => number)) => void;
  /** The secret to verify with (set after creating the subscription). */
  secret: (secret: string) => void;
  close: () => Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let status: number | ((n: number) => number) = 200;
  let verifier: Webhook | null = null;
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        verifier?.verify(body, req.headers as Record<string, string>);
        verified = verifier !== null;
      } catch {
        verified = false;
      }
      const payload = JSON.parse(body) as Received["payload"];
      received.push({
        id: String(req.headers["webhook-id"]),
        type: payload.type,
        payload,
        headers: req.headers,
        verified,
      });
      n += 1;
      res.writeHead(typeof status === "function" ? status(n) : status, { "content-type": "text/plain" });
      res.end(`got ${n}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    answer: (s) => void (status = s),
    secret: (secret) => void (verifier = new Webhook(secret)),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until `check` holds (jobs run meanwhile by `tick`). */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  tick: () => Promise<void>,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await tick();
    if (await check()) return;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}
