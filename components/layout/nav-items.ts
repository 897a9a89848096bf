// The product's main navigation, in the order marketers use it.
import {
  IconFilter,
  IconLayoutDashboard,
  IconSend,
  IconSettings,
  IconTimeline,
  IconUsers,
  type Icon,
} from "@tabler/icons-react";

export interface NavItem {
  label: string;
  /** The screen's path inside a workspace; links prefix it with /w/<slug> (useWorkspacePath). */
  to: string;
  icon: Icon;
}

export const mainNavItems: readonly NavItem[] = [
  { label: "Dashboard", to: "/dashboard", icon: IconLayoutDashboard },
  { label: "Customers", to: "/customers", icon: IconUsers },
  { label: "Events", to: "/events", icon: IconTimeline },
  { label: "Views", to: "/views", icon: IconFilter },
  { label: "Campaigns", to: "/campaigns", icon: IconSend },
];

/** Kept apart from the daily screens, at the bottom of the navbar. */
export const settingsNavItem: NavItem = { label: "Settings", to: "/settings", icon: IconSettings };
