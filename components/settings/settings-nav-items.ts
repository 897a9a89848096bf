// The settings sections, in the order a new workspace admin usually visits them.
import {
  IconApps,
  IconArrowsJoin,
  IconBuilding,
  IconClipboardList,
  IconPlugConnected,
  IconSchema,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { NavItem } from "@/components/layout/nav-items";

export const settingsNavItems: readonly NavItem[] = [
  { label: "Workspace", to: "/settings/workspace", icon: IconBuilding },
  { label: "Members", to: "/settings/members", icon: IconUsersGroup },
  { label: "API clients", to: "/settings/api-clients", icon: IconApps },
  { label: "Sources", to: "/settings/sources", icon: IconPlugConnected },
  { label: "Schema", to: "/settings/schema", icon: IconSchema },
  { label: "Identity rules", to: "/settings/identity-rules", icon: IconArrowsJoin },
  { label: "Audit log", to: "/settings/audit-log", icon: IconClipboardList },
];
