// The settings sections, in the order a new workspace admin usually visits them.
import {
  IconApps,
  IconArrowsJoin,
  IconBolt,
  IconBuilding,
  IconClipboardList,
  IconPlugConnected,
  IconSchema,
  IconUsersGroup,
  IconWebhook,
} from "@tabler/icons-react";
import type { NavItem } from "@/components/layout/nav-items";

export const settingsNavItems: readonly NavItem[] = [
  { label: "Workspace", to: "/settings/workspace", icon: IconBuilding },
  { label: "Members", to: "/settings/members", icon: IconUsersGroup },
  { label: "API clients", to: "/settings/api-clients", icon: IconApps },
  { label: "Sources", to: "/settings/sources", icon: IconPlugConnected },
  { label: "Webhooks", to: "/settings/webhooks", icon: IconWebhook },
  { label: "Automations", to: "/settings/automations", icon: IconBolt },
  { label: "Schema", to: "/settings/schema", icon: IconSchema },
  { label: "Identity rules", to: "/settings/identity-rules", icon: IconArrowsJoin },
  { label: "Audit log", to: "/settings/audit-log", icon: IconClipboardList },
];
