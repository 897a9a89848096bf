// Which endpoint of a registry serves a request path, the way Next.js routes it: among the path templates
// that fit, the one whose first differing segment is static wins (…/customers/batch before …/customers/{id});
// then the method picks the endpoint of that route, or none (a 405 naming the route's methods). One
// implementation for the front door's 405/Allow answers (lib/server/http/front-door.ts) and the test kits
// that serve route handlers over HTTP (test/kits/route-server.ts).
import type { EndpointContract } from "./endpoint";
import { endpoints } from "./endpoints";

/** What routing needs of an endpoint: contracts and the tracking API's operations both have it. */
export interface RoutedEndpoint {
  method: string;
  path: string;
}

export interface EndpointMatch<E extends RoutedEndpoint> {
  /** The template of the route that serves the path ("/api/v1/workspaces/{ws}/customers/{id}"). */
  path: string;
  /** The endpoint for the method asked (HEAD falls back to GET, as Next does), or null: not this route's. */
  endpoint: E | null;
  /** The route's methods, sorted, HEAD included when it takes GET: the value of an Allow header. */
  methods: string[];
  /** Path parameters, percent-decoded (a segment that does not decode is kept as sent). */
  params: Record<string, string>;
}

interface Route<E extends RoutedEndpoint> {
  path: string;
  segments: (string | null)[]; // null: a {parameter}
  names: string[];
  byMethod: Map<string, E>;
}

/** At the first segment where two templates differ, a static segment beats a parameter. */
function moreSpecific(a: Route<RoutedEndpoint>, b: Route<RoutedEndpoint>): number {
  for (let i = 0; i < a.segments.length; i++) {
    const [sa, sb] = [a.segments[i], b.segments[i]];
    if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
  }
  return 0;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A matcher over one registry; its routes are built on first use. */
export function endpointMatcher<E extends RoutedEndpoint>(
  registry: () => readonly E[],
): (pathname: string, method?: string) => EndpointMatch<E> | null {
  let routes: Route<E>[] | undefined;
  const load = (): Route<E>[] => {
    if (routes) return routes;
    const byPath = new Map<string, Route<E>>();
    for (const endpoint of registry()) {
      const segments = endpoint.path.split("/").filter(Boolean);
      const route = byPath.get(endpoint.path) ?? {
        path: endpoint.path,
        segments: segments.map((s) => (s.startsWith("{") ? null : s)),
        names: segments.filter((s) => s.startsWith("{")).map((s) => s.slice(1, -1)),
        byMethod: new Map<string, E>(),
      };
      route.byMethod.set(endpoint.method, endpoint);
      byPath.set(endpoint.path, route);
    }
    routes = [...byPath.values()];
    return routes;
  };

  return (pathname, method) => {
    const parts = pathname.split("/").filter(Boolean);
    const fitting = load().filter(
      (r) => r.segments.length === parts.length && r.segments.every((s, i) => s === null || s === parts[i]),
    );
    if (fitting.length === 0) return null;
    const route = fitting.sort(moreSpecific)[0];
    const methods = new Set(route.byMethod.keys());
    if (methods.has("GET")) methods.add("HEAD");
    const values = parts.filter((_, i) => route.segments[i] === null).map(decodeSegment);
    const endpoint =
      method === undefined
        ? null
        : (route.byMethod.get(method) ?? (method === "HEAD" ? route.byMethod.get("GET") : undefined) ?? null);
    return {
      path: route.path,
      endpoint,
      methods: [...methods].sort(),
      params: Object.fromEntries(route.names.map((name, i) => [name, values[i]])),
    };
  };
}

/** The API's endpoint (lib/schemas/endpoints.ts) for a path under /api/v1 and a method, or null: no such route. */
export const matchEndpoint: (pathname: string, method?: string) => EndpointMatch<EndpointContract> | null =
  endpointMatcher(() => endpoints);
