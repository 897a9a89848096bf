// What the command palette offers: the app's screens, the workspace's saved views and the customers
// found by the typed text (the customers API's free-text search, or an id pasted whole).
import type { Icon } from "@tabler/icons-react";
import { IconFilter, IconUser } from "@tabler/icons-react";
import { mainNavItems } from "@/components/layout/nav-items";
import { settingsNavItems } from "@/components/settings/settings-nav-items";

export type PaletteGroup = "Customers" | "Views" | "Screens";

export interface PaletteItem {
  id: string;
  group: PaletteGroup;
  label: string;
  description?: string;
  /** The path inside the workspace (without /w/<slug>). */
  to: string;
  icon: Icon;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function matches(text: string, query: string): boolean {
  const haystack = text.toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export function screenItems(query: string): PaletteItem[] {
  const screens = [
    ...mainNavItems.map((item) => ({ ...item, description: undefined as string | undefined })),
    ...settingsNavItems.map((item) => ({ ...item, description: "Settings" })),
  ];
  return screens
    .filter((item) => matches(`${item.label} ${item.description ?? ""}`, query))
    .map((item) => ({
      id: `screen:${item.to}`,
      group: "Screens",
      label: item.label,
      description: item.description,
      to: item.to,
      icon: item.icon,
    }));
}

export function viewItems(views: readonly { id: string; name: string }[], query: string, max = 6): PaletteItem[] {
  return views
    .filter((view) => matches(view.name, query))
    .slice(0, max)
    .map((view) => ({
      id: `view:${view.id}`,
      group: "Views",
      label: view.name,
      description: "View",
      to: `/customers?view=${encodeURIComponent(view.id)}`,
      icon: IconFilter,
    }));
}

/** A pasted customer id opens that profile directly (the search API does not look ids up). */
export function customerIdItem(query: string): PaletteItem | null {
  const id = query.trim();
  if (!UUID.test(id)) return null;
  return {
    id: `customer:${id.toLowerCase()}`,
    group: "Customers",
    label: `Customer ${id.toLowerCase()}`,
    description: "Open by id",
    to: `/customers/${id.toLowerCase()}`,
    icon: IconUser,
  };
}

export function isCustomerIdQuery(query: string): boolean {
  return UUID.test(query.trim());
}
