// Shared by the customer integration tests: calling the real route handlers as a given caller.
import type { EndpointContract } from "@/lib/schemas/endpoint";
import { memberSession, type Credentials } from "@/test/auth-fixtures";
import { createTestWorkspace } from "@/test/fixtures";
import { callEndpoint, handlerOf } from "@/test/route-modules";

export type Headers = Record<string, string>;

export function headersOf(credentials: Credentials): Headers {
  const headers: Headers = {};
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.authorization) headers.authorization = credentials.authorization;
  return headers;
}

export interface CallResult<T = Record<string, unknown>> {
  status: number;
  headers: globalThis.Headers;
  body: T;
}

/** A GET with a query string (callEndpoint sends none). */
async function getWithQuery(
  endpoint: EndpointContract,
  options: { ws: string; headers: Headers; params?: Record<string, string>; query: string },
) {
  const params: Record<string, string> = { ws: options.ws, ...options.params };
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? crypto.randomUUID());
  const req = new Request(`http://atrium.test${path}?${options.query}`, { headers: options.headers });
  return (await handlerOf(endpoint))(req, { params: Promise.resolve(params) });
}

/** Calls the endpoint's route handler; `body` is parsed JSON (empty object for 204). */
export async function call<T = Record<string, unknown>>(
  endpoint: EndpointContract,
  options: { ws: string; headers: Headers; params?: Record<string, string>; body?: unknown; query?: string },
): Promise<CallResult<T>> {
  const res =
    options.query === undefined
      ? await callEndpoint(endpoint, options)
      : await getWithQuery(endpoint, { ...options, query: options.query });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : {}) as T };
}

export async function workspaceWithAdmin(name = "Customers") {
  const workspace = await createTestWorkspace(name);
  const admin = headersOf(await memberSession(workspace.id, "ADMIN"));
  return { ws: workspace.id, admin };
}

/** Members of a problem response, for assertions on failed calls. */
export interface ProblemFields {
  code?: string;
  errors?: { path: string; message: string }[];
  existingCustomerId?: string;
}

export interface CustomerBody extends ProblemFields {
  id: string;
  externalId: string | null;
  base: Record<string, unknown>;
  extended: Record<string, unknown>;
  tags: string[];
  identities: { id: string; type: string; value: string; sourceId: string | null }[];
  sourceIds: string[];
}
