// /settings/* — workspace administration: a section list on the left, the open section on the right.
import { Box, Flex, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef } from "react";
import { Outlet, useLocation } from "react-router";
import { RouterNavLink } from "@/components/ui/router-nav-link";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { settingsNavItems } from "./settings-nav-items";

export function SettingsLayout() {
  const navRef = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const toScreen = useWorkspacePath();
  // On phones the sections are a row wider than the screen: bring the open one into view.
  useEffect(() => {
    const nav = navRef.current;
    const active = nav?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav && active && nav.scrollWidth > nav.clientWidth) nav.scrollLeft = active.offsetLeft - nav.offsetLeft - 16;
  }, [pathname]);
  // No tab title here: the open section's <Page> sets it.
  return (
    <Box>
      <Stack gap={6} mb="xl">
        <Title order={1} fz={26} lh={1.25}>
          Settings
        </Title>
        <Text c="dimmed">Who can use this workspace, how data gets in, and the rules it follows.</Text>
      </Stack>
      <Flex gap="xl" direction={{ base: "column", md: "row" }} align="flex-start">
        {/* A column beside the section on wide screens, a scrollable row above it on narrow ones. */}
        <Flex
          component="nav"
          ref={navRef}
          aria-label="Settings"
          direction={{ base: "row", md: "column" }}
          gap={2}
          w={{ base: "100%", md: 220 }}
          style={{ flexShrink: 0, overflowX: "auto", whiteSpace: "nowrap" }}
        >
          {settingsNavItems.map((item) => (
            <RouterNavLink key={item.to} {...item} to={toScreen(item.to)} w={{ base: "auto", md: "100%" }} />
          ))}
        </Flex>
        <Box style={{ flex: 1, minWidth: 0 }} w="100%">
          <Outlet />
        </Box>
      </Flex>
    </Box>
  );
}
