// Every admin UI path (/, /customers/…, /settings/…): serves the single-page app's shell; react-router
// picks the screen in the browser. Prefixes owned by other parts of the server are never the SPA's.
import { notFound } from "next/navigation";
import { AdminSpa } from "@/app/(admin)/admin-spa";

/** Served by route handlers, the OAuth2 server and the API reference; an unmatched path there is a 404. */
const RESERVED_PREFIXES = new Set(["api", "v1", "oauth", "docs", "_next", ".well-known", "sdk"]);

/** A missing top-level file (/favicon.ico, /robots.txt) must be a 404, not the app's HTML. */
const looksLikeFile = (segment: string) => segment.includes(".");

export default async function AdminPage({ params }: { params: Promise<{ path?: string[] }> }) {
  const { path = [] } = await params;
  const [first] = path;
  if (first !== undefined && (RESERVED_PREFIXES.has(first) || (path.length === 1 && looksLikeFile(first)))) notFound();
  return <AdminSpa />;
}
