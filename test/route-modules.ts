// Finds the route handler of an endpoint contract the way Next.js does: from the file system.
import path from "node:path";
import type { EndpointContract } from "@/lib/schemas/endpoint";
import type { RoutedEndpoint } from "@/lib/schemas/match-endpoint";
import { checkResponse } from "./contract-check";

export type Handler = (req: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

export function routeFileOf(endpoint: RoutedEndpoint): string {
  const segments = endpoint.path
    .replace(/^\//, "")
    .split("/")
    .map((s) => s.replace(/^\{(.+)\}$/, "[$1]"));
  return path.join("app", ...segments, "route.ts");
}

/** The route file's handler for the endpoint's method, as Next would call it (no contract check). */
export async function routeHandlerOf(endpoint: RoutedEndpoint): Promise<Handler> {
  const routeModule = (await import(/* @vite-ignore */ `@/${routeFileOf(endpoint)}`)) as Record<
    string,
    Handler | undefined
  >;
  const handler = routeModule[endpoint.method];
  if (!handler) throw new Error(`${routeFileOf(endpoint)} does not export ${endpoint.method}`);
  return handler;
}

export async function handlerOf(endpoint: EndpointContract): Promise<Handler> {
  const handler = await routeHandlerOf(endpoint);
  // Every answer is checked against the OpenAPI document (test/contract-check.ts); the caller reads it as given.
  return async (req, segment) => {
    const res = await handler(req, segment);
    await checkResponse(endpoint, res.clone());
    return res;
  };
}

/** Calls an endpoint with path parameters filled in (ws given, other ids random). */
export async function callEndpoint(
  endpoint: EndpointContract,
  options: { ws?: string; headers?: Record<string, string>; body?: unknown; params?: Record<string, string> },
): Promise<Response> {
  const params: Record<string, string> = {};
  for (const [, name] of endpoint.path.matchAll(/\{(\w+)\}/g)) {
    params[name] =
      options.params?.[name] ?? (name === "ws" ? (options.ws ?? crypto.randomUUID()) : crypto.randomUUID());
  }
  const url = `http://atrium.test${endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name])}`;
  const hasBody = endpoint.method !== "GET" && endpoint.method !== "DELETE";
  const req = new Request(url, {
    method: endpoint.method,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...options.headers },
    body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
  });
  return (await handlerOf(endpoint))(req, { params: Promise.resolve(params) });
}
