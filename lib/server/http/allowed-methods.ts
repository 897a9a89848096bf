// Which methods a path under /api/v1 takes, read from the endpoint registry. Next.js answers a method a
// route file does not export with an empty 405 and no Allow header; the front door answers it first, as a
// problem naming the methods the path does take (RFC 9110 §15.5.6).
import { endpoints } from "@/lib/schemas/endpoints";

interface PathTemplate {
  segments: (string | null)[]; // null: a {parameter}
  methods: Set<string>;
}

let templates: PathTemplate[] | undefined;

function load(): PathTemplate[] {
  if (templates) return templates;
  const byPath = new Map<string, PathTemplate>();
  for (const endpoint of endpoints) {
    const entry = byPath.get(endpoint.path) ?? {
      segments: endpoint.path
        .split("/")
        .filter(Boolean)
        .map((s) => (s.startsWith("{") ? null : s)),
      methods: new Set<string>(),
    };
    entry.methods.add(endpoint.method);
    byPath.set(endpoint.path, entry);
  }
  templates = [...byPath.values()];
  return templates;
}

const matches = (template: PathTemplate, parts: string[]) =>
  template.segments.length === parts.length && template.segments.every((s, i) => s === null || s === parts[i]);

/** Next's routing: at the first segment where two templates differ, a static segment beats a parameter. */
function moreSpecific(a: PathTemplate, b: PathTemplate): number {
  for (let i = 0; i < a.segments.length; i++) {
    const [sa, sb] = [a.segments[i], b.segments[i]];
    if ((sa === null) !== (sb === null)) return sa === null ? 1 : -1;
  }
  return 0;
}

/**
 * The methods of the route that serves this path ("GET, HEAD, POST"), or null when no registered
 * endpoint has this path (left to Next: another route file or the 404 catch-all).
 */
export function allowedMethods(pathname: string): string[] | null {
  const parts = pathname.split("/").filter(Boolean);
  const candidates = load()
    .filter((t) => matches(t, parts))
    .sort(moreSpecific);
  if (candidates.length === 0) return null;
  const route = candidates[0];
  const methods = new Set(route.methods);
  if (methods.has("GET")) methods.add("HEAD");
  return [...methods].sort();
}
