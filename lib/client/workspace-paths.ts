// The open workspace is part of the URL — /w/<slug>/dashboard, /w/<slug>/settings/members — so a link
// or bookmark always opens the same data, and two tabs can show two workspaces.
const PREFIX = "/w/";
const HOME_SECTION = "/dashboard";

/** The path of a screen in a workspace; `path` is the screen's own path, e.g. "/settings/members". */
export function workspacePath(slug: string, path: string = HOME_SECTION): string {
  const screen = path === "" || path === "/" ? HOME_SECTION : path.startsWith("/") ? path : `/${path}`;
  return `${PREFIX}${encodeURIComponent(slug)}${screen}`;
}

/** The screen part of a workspace path ("/w/acme/customers/42" → "/customers/42"), or null outside one. */
export function screenPath(pathname: string): string | null {
  if (!pathname.startsWith(PREFIX)) return null;
  const rest = pathname.slice(PREFIX.length);
  const slash = rest.indexOf("/");
  return slash === -1 ? "" : rest.slice(slash);
}

/**
 * The same section in another workspace. Only the section survives: a customer or view id of one
 * workspace means nothing in another, so /customers/42 becomes /customers and /settings/members stays.
 */
export function switchWorkspacePath(pathname: string, slug: string): string {
  const [first, second] = (screenPath(pathname) ?? "").split("/").filter(Boolean);
  if (!first) return workspacePath(slug);
  return workspacePath(slug, first === "settings" && second ? `/settings/${second}` : `/${first}`);
}

/** An app path without a workspace (an old bookmark, "/customers/42") opened in the given workspace. */
export function pathInWorkspace(pathname: string, slug: string): string {
  return workspacePath(slug, pathname);
}
