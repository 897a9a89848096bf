// One outgoing POST (a webhook delivery) under the SSRF guard: the host is resolved by our own lookup,
// which refuses disallowed addresses, and the socket connects to exactly the address it checked (no
// second resolution to rebind). IP-literal hosts, which skip the lookup, are checked first. Redirects are
// not followed (a 3xx is just a failed attempt). The whole exchange has a deadline; only the first bytes
// of the answer are kept.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isRefusedAddress } from "./address-policy";

export interface PostResult {
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

const EXCERPT_BYTES = 1024;

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, "", 4);
    const list = addresses as unknown as LookupAddress[];
    const refused = list.find((a) => isRefusedAddress(a.address));
    if (refused || list.length === 0)
      return callback(Object.assign(new Error("refused address"), { code: "EREFUSEDADDRESS" }), "", 4);
    if (options.all) return callback(null, list as unknown as string, 4);
    callback(null, list[0].address, list[0].family);
  });
};

// Keep-alive: a busy subscription reuses its connection (checked when it was opened).
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 50, lookup: guardedLookup } as http.AgentOptions),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 50, lookup: guardedLookup } as https.AgentOptions),
};

export function postJson(options: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<PostResult> {
  const started = performance.now();
  const done = (partial: Omit<PostResult, "durationMs">): PostResult => ({
    ...partial,
    durationMs: Math.round(performance.now() - started),
  });
  const url = new URL(options.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && isRefusedAddress(host))
    return Promise.resolve(done({ statusCode: null, responseExcerpt: null, error: "Refused address" }));
  const transport = url.protocol === "https:" ? https : http;
  const agent = agents[url.protocol as "http:" | "https:"];
  if (!agent) return Promise.resolve(done({ statusCode: null, responseExcerpt: null, error: "Unsupported scheme" }));
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(done(result));
    };
    const req = transport.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          ...options.headers,
          "content-length": Buffer.byteLength(options.body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () =>
          finish({
            statusCode: res.statusCode ?? null,
            responseExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8"),
            error: null,
          }),
        );
        res.on("error", () =>
          finish({ statusCode: res.statusCode ?? null, responseExcerpt: null, error: "Answer cut off" }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ statusCode: null, responseExcerpt: null, error: `No answer within ${options.timeoutMs / 1000} s` });
    }, options.timeoutMs);
    req.on("error", (error: Error & { code?: string }) =>
      finish({
        statusCode: null,
        responseExcerpt: null,
        error: error.code === "EREFUSEDADDRESS" ? "Refused address" : `Connection failed (${error.code ?? "error"})`,
      }),
    );
    req.end(options.body);
  });
}
