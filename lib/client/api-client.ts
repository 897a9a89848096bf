// The UI's typed client for /api/v1. It calls an endpoint contract from lib/schemas — the same object the
// route wrapper enforces — so paths, inputs and outputs cannot drift between server and UI.
import type { z } from "zod";
import { ZProblem } from "@/lib/schemas/common";
import type { EndpointContract } from "@/lib/schemas/endpoint";

/** An RFC 9457 problem as the API sends it; extra members (e.g. `existingCustomerId` on a 409) are kept. */
export type ApiProblem = z.output<typeof ZProblem> & Record<string, unknown>;

/** A non-2xx answer. `problem` is the server's problem body, or one synthesised from the status. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ApiProblem;

  constructor(problem: ApiProblem) {
    super(problem.detail || problem.title);
    this.name = "ApiError";
    this.status = problem.status;
    this.problem = problem;
  }

  /** The message of the first error on a field (`errors[].path`), for showing next to a form input. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((error) => error.path === path)?.message;
  }
}

type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
/** An input with no required member: `NoInput extends T` holds exactly when T may be left out. */
type NoInput = Record<never, never>;

// A contract without a schema for some part infers the bare `z.ZodType` there, whose input is `unknown`:
// that part must not be passed. A part whose every field is optional may be left out.
type Part<K extends string, S> =
  unknown extends InputOf<Exclude<S, undefined>>
    ? { [P in K]?: undefined }
    : NoInput extends InputOf<Exclude<S, undefined>>
      ? { [P in K]?: InputOf<Exclude<S, undefined>> }
      : { [P in K]: InputOf<Exclude<S, undefined>> };

export type EndpointInput<C extends EndpointContract> = Part<"params", C["params"]> &
  Part<"query", C["query"]> &
  Part<"body", C["body"]>;

export type EndpointOutput<C extends EndpointContract> = C["success"]["schema"] extends z.ZodType
  ? z.output<C["success"]["schema"]>
  : undefined;

export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

// Only the parts of the input that shape the URL; the body is handled by `call`.
type UrlInput = { params?: unknown; query?: unknown };

function fillPathTemplate(template: string, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === "")
      throw new Error(`Missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

function toQueryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  const append = (key: string, value: unknown) => {
    if (value === undefined || value === null) return;
    search.append(key, value instanceof Date ? value.toISOString() : String(value));
  };
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((item) => append(key, item));
    else append(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The URL of an endpoint call, e.g. for a CSV download link. Relative unless a base URL is given. */
export function buildEndpointUrl<C extends EndpointContract>(contract: C, input: UrlInput = {}, baseUrl = ""): string {
  const path = fillPathTemplate(contract.path, (input.params ?? {}) as Record<string, unknown>);
  return `${baseUrl}${path}${toQueryString((input.query ?? {}) as Record<string, unknown>)}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The problem body of a failed response; proxies and crashes can answer without one, so synthesise it. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  const body = await readBody(response);
  const parsed = ZProblem.safeParse(body);
  if (parsed.success) return { ...(body as Record<string, unknown>), ...parsed.data };
  return {
    type: "about:blank",
    title: response.statusText || "Request failed",
    status: response.status,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}.`,
    code: `http_${response.status}`,
    requestId: response.headers.get("x-request-id") ?? "",
  };
}

export interface ApiClientOptions {
  /** Prefix for every path; empty for same-origin calls from the browser. */
  baseUrl?: string;
  /** Injected for tests and for server-side callers; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? "";

  async function call<C extends EndpointContract>(
    contract: C,
    ...[input, callOptions]: NoInput extends EndpointInput<C>
      ? [input?: EndpointInput<C>, options?: CallOptions]
      : [input: EndpointInput<C>, options?: CallOptions]
  ): Promise<EndpointOutput<C>> {
    const { body } = (input ?? {}) as { body?: unknown };
    const headers: Record<string, string> = { accept: "application/json", ...callOptions?.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    const doFetch = options.fetch ?? globalThis.fetch;
    const response = await doFetch(buildEndpointUrl(contract, input ?? {}, baseUrl), {
      method: contract.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // The UI authenticates with its session cookie; never send it to another origin.
      credentials: "same-origin",
      signal: callOptions?.signal,
    });
    if (!response.ok) throw new ApiError(await problemFromResponse(response));

    const schema = contract.success.schema;
    if (schema === null || response.status === 204) return undefined as EndpointOutput<C>;
    // Parsing turns the wire shape (the schema's input) into its output type, and catches contract drift early.
    const parsed = schema.safeParse(await readBody(response));
    if (!parsed.success) {
      throw new Error(`The response of ${contract.operationId} does not match its contract`, { cause: parsed.error });
    }
    return parsed.data as EndpointOutput<C>;
  }

  return { call };
}

/** The browser's client: same-origin, session cookie. */
export const apiClient = createApiClient();
export const callEndpoint = apiClient.call;
