// The one route wrapper. Each exported verb of a route file is `route(contract, handler)`; the steps run
// in order: request id → authenticate → workspace membership → permission → format (JSON, or CSV where
// the contract declares it, with its permission) → parse path, query, body (the input rules of
// lib/schemas/input-rules.ts, zod, size limits) → personal data refused to a masked caller → handler →
// personal data masked for a masked caller → serialize; anything thrown becomes a problem+json response.
import "server-only";
import { z } from "zod";
import type { Access, EndpointContract } from "@/lib/schemas/endpoint";
import type { Principal, WorkspaceAccess } from "@/lib/server/core/principal";
import { authorizeWorkspace } from "@/lib/server/auth/workspace-access";
import { readJsonBody, DEFAULT_BODY_LIMIT } from "./body";
import { AppError } from "@/lib/server/core/errors";
import { asUnavailable } from "@/lib/server/db/database-errors";
import { checkInput, parseOrThrow, refuseAnyQuery, searchParamsToObject } from "./parse";
import { locateError } from "./locate-field-errors";
import { negotiateFormat, type Format } from "./negotiate";
import { errorToResponse } from "./problem";
import { requestIdOf } from "./request-id";
import { authenticate } from "@/lib/server/auth/authenticate";
import { withCors } from "./cors";
import { maskResponse } from "@/lib/server/masking/mask-response";
import { refuseMaskedSearch, refuseUnmaskable } from "@/lib/server/masking/refuse-masked-inputs";
import { applyEndpointLimits, authenticateCounted, withLimitHeaders } from "./rate-limits";
import type { LimitState } from "@/lib/server/limits/limiter";

// Contract fields are optional properties, so their types include undefined: look through it.
type Out<S> = NonNullable<S> extends z.ZodType ? z.output<NonNullable<S>> : undefined;
type In<S> = NonNullable<S> extends z.ZodType ? z.input<NonNullable<S>> : undefined;

type PrincipalFor<A extends Access> = A extends { kind: "public" } ? Principal | null : Principal;
type WorkspaceFor<A extends Access> = A extends { kind: "workspace" } ? WorkspaceAccess : null;

export interface RouteContext<C extends EndpointContract> {
  req: Request;
  requestId: string;
  principal: PrincipalFor<C["access"]>;
  workspace: WorkspaceFor<C["access"]>;
  params: Out<C["params"]>;
  query: Out<C["query"]>;
  body: Out<C["body"]>;
  /** "csv" only when the contract declares CSV, the caller prefers it and holds its permission. */
  format: Format;
}

/** A reply other than the contract's default status, or with extra headers (e.g. 201 + Location). */
export class Reply<T> {
  constructor(
    readonly body: T,
    readonly status: number,
    readonly headers: Record<string, string> = {},
  ) {}
}

type SuccessBody<C extends EndpointContract> = C["success"]["schema"] extends z.ZodType
  ? In<C["success"]["schema"]>
  : void;

type HandlerResult<C extends EndpointContract> = SuccessBody<C> | Reply<SuccessBody<C>> | Response;

interface RouteSegment {
  params: Promise<Record<string, string | string[] | undefined>>;
}

async function authorize(req: Request, access: Access, params: Record<string, unknown>, limits: LimitState[]) {
  const principal =
    access.kind === "public" ? await authenticate(req).catch(() => null) : await authenticateCounted(req, limits);
  if (access.kind === "public") return { principal, workspace: null };
  if (!principal) throw new AppError("unauthenticated", "Sign in or send an access token");
  if (access.kind === "authenticated") {
    if (principal.type === "writeKey")
      throw new AppError("forbidden", "Write keys may only be used to send customers and events");
    return { principal, workspace: null };
  }
  const workspace = await authorizeWorkspace(principal, access, String(params.ws ?? ""));
  return { principal, workspace };
}

function serialize(body: unknown, status: number, requestId: string, headers: Record<string, string>): Response {
  const base = { "x-request-id": requestId, "cache-control": "no-store", ...headers };
  if (status === 204 || body === undefined) return new Response(null, { status, headers: base });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...base },
  });
}

export function route<C extends EndpointContract>(
  contract: C,
  handler: (ctx: RouteContext<C>) => Promise<HandlerResult<C>>,
): (req: Request, segment: RouteSegment) => Promise<Response> {
  // CORS (cors.ts): write-key endpoints answer the origins their sources allow.
  return withCors(contract.access, async (req: Request, segment: RouteSegment) => {
    const requestId = requestIdOf(req);
    // The limits this request spent or hit; their RateLimit-* headers go on whatever it answers.
    const limits: LimitState[] = [];
    try {
      const rawParams = (await segment?.params) ?? {};
      const { principal, workspace } = await authorize(req, contract.access, rawParams, limits);
      // Like the permission, before any input is read: a caller who may not export learns nothing more.
      const format = negotiateFormat(req, contract, workspace);
      // Masking by role (EndpointContract.personalData): enforced here for every endpoint, not by each handler.
      const masked = workspace?.maskPersonalData === true && contract.personalData !== undefined;
      if (masked) refuseUnmaskable(contract);
      const params = contract.params ? parseOrThrow(contract.params, checkInput(rawParams, "path"), "path") : undefined;
      const rawQuery = checkInput(searchParamsToObject(new URL(req.url).searchParams), "query");
      const query = contract.query ? parseOrThrow(contract.query, rawQuery, "query") : refuseAnyQuery(rawQuery);
      const body = contract.body
        ? parseOrThrow(
            contract.body,
            checkInput(await readJsonBody(req, contract.bodyLimit ?? DEFAULT_BODY_LIMIT), "body", contract.itemsKey),
            "body",
          )
        : undefined;
      if (masked) refuseMaskedSearch(contract, query, body);
      await applyEndpointLimits(contract, principal, format, body, limits);
      const ctx = { req, requestId, principal, workspace, params, query, body, format } as RouteContext<C>;
      const result = await handler(ctx).catch((error: unknown) => {
        throw locateError(contract, error);
      });
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return withLimitHeaders(result, limits);
      }
      const shown = (body: unknown) => (masked ? maskResponse(contract, body) : body);
      if (result instanceof Reply)
        return withLimitHeaders(serialize(shown(result.body), result.status, requestId, result.headers), limits);
      return withLimitHeaders(serialize(shown(result), contract.success.status, requestId, {}), limits);
    } catch (error) {
      return withLimitHeaders(errorToResponse(asUnavailable(error), requestId), limits);
    }
  });
}
