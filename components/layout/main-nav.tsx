// The navbar's content: the product's screens on top, settings and the API reference at the bottom.
import { AppShell, NavLink, ScrollArea, Stack } from "@mantine/core";
import { IconBook2, IconExternalLink } from "@tabler/icons-react";
import { RouterNavLink } from "@/components/ui/router-nav-link";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { mainNavItems, settingsNavItem } from "./nav-items";

export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const toScreen = useWorkspacePath();
  return (
    <>
      <AppShell.Section grow component={ScrollArea} p="sm">
        <Stack gap={4} component="nav" aria-label="Main">
          {mainNavItems.map((item) => (
            <RouterNavLink key={item.to} {...item} to={toScreen(item.to)} onNavigate={onNavigate} />
          ))}
        </Stack>
      </AppShell.Section>
      <AppShell.Section p="sm" style={{ borderTop: "1px solid var(--mantine-color-default-border)" }}>
        <Stack gap={4}>
          <RouterNavLink {...settingsNavItem} to={toScreen(settingsNavItem.to)} onNavigate={onNavigate} />
          {/* The reference is a separate page (not part of the SPA), so a plain link. */}
          <NavLink
            href="/docs/api"
            target="_blank"
            label="API reference"
            leftSection={<IconBook2 size={18} stroke={1.6} />}
            rightSection={<IconExternalLink size={14} stroke={1.6} />}
            c="dimmed"
            fw={500}
            style={{ borderRadius: "var(--mantine-radius-md)" }}
          />
        </Stack>
      </AppShell.Section>
    </>
  );
}
