// TanStack Query keys. Every workspace-scoped key starts with ["workspaces", ws], so data never leaks
// between workspaces in the cache and switching workspace can drop or refetch one workspace at once.
// Keys nest from broad to narrow: invalidating `customers.all(ws)` also invalidates every list and detail.

/** List filters as sent in the query string (limit, cursor, q, sort …). */
export type ListParams = Readonly<Record<string, string | number | boolean | readonly string[] | null | undefined>>;

const workspaceKey = (ws: string) => ["workspaces", ws] as const;

/** all / list / detail for one kind of resource in a workspace. */
function resourceKeys<const Name extends string>(name: Name) {
  const all = (ws: string) => [...workspaceKey(ws), name] as const;
  return {
    all,
    lists: (ws: string) => [...all(ws), "list"] as const,
    list: (ws: string, params: ListParams = {}) => [...all(ws), "list", params] as const,
    detail: (ws: string, id: string) => [...all(ws), "detail", id] as const,
  };
}

const customers = resourceKeys("customers");
const views = resourceKeys("views");
const imports = resourceKeys("imports");

export const queryKeys = {
  /** Not tied to a workspace: who is signed in, and the workspaces they may open. */
  me: () => ["me"] as const,
  workspaceList: () => ["workspace-list"] as const,

  /** Everything cached for one workspace. */
  workspace: workspaceKey,
  workspaceSettings: (ws: string) => [...workspaceKey(ws), "settings"] as const,

  customers: {
    ...customers,
    events: (ws: string, id: string, params: ListParams = {}) =>
      [...customers.detail(ws, id), "events", params] as const,
    identities: (ws: string, id: string) => [...customers.detail(ws, id), "identities"] as const,
    merges: (ws: string, id: string) => [...customers.detail(ws, id), "merges"] as const,
    consents: (ws: string, id: string) => [...customers.detail(ws, id), "consents"] as const,
    consentHistory: (ws: string, id: string, params: ListParams = {}) =>
      [...customers.detail(ws, id), "consent-history", params] as const,
  },
  events: resourceKeys("events"),
  imports,
  views: {
    ...views,
    customers: (ws: string, id: string, params: ListParams = {}) =>
      [...views.detail(ws, id), "customers", params] as const,
  },
  reports: {
    all: (ws: string) => [...workspaceKey(ws), "reports"] as const,
    growth: (ws: string, params: ListParams = {}) => [...workspaceKey(ws), "reports", "growth", params] as const,
    composition: (ws: string, params: ListParams = {}) =>
      [...workspaceKey(ws), "reports", "composition", params] as const,
    events: (ws: string, params: ListParams = {}) => [...workspaceKey(ws), "reports", "events", params] as const,
  },
  members: resourceKeys("members"),
  apiClients: resourceKeys("api-clients"),
  webhooks: resourceKeys("webhooks"),
  automations: resourceKeys("automations"),
  sources: resourceKeys("sources"),
  schema: {
    all: (ws: string) => [...workspaceKey(ws), "schema"] as const,
    eventTypes: (ws: string) => [...workspaceKey(ws), "schema", "event-types"] as const,
  },
  identityRules: (ws: string) => [...workspaceKey(ws), "identity-rules"] as const,
  audit: {
    all: (ws: string) => [...workspaceKey(ws), "audit"] as const,
    list: (ws: string, params: ListParams = {}) => [...workspaceKey(ws), "audit", "list", params] as const,
  },
} as const;
