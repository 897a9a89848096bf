// The admin app's frame: header (logo, account controls), navbar (main navigation) and the screen.
import { AppShell as MantineAppShell, Box, Burger, Group, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Link, Outlet } from "react-router";
import { useWorkspacePath } from "@/lib/client/current-workspace";
import { AtriumLogo } from "./atrium-logo";
import { HeaderActions } from "./header-actions";
import { MainNav } from "./main-nav";

export function AppShell() {
  // Only matters below the `sm` breakpoint, where the navbar becomes a drawer.
  const [navOpen, { toggle, close }] = useDisclosure(false);
  const toScreen = useWorkspacePath();
  return (
    <MantineAppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: "sm", collapsed: { mobile: !navOpen } }}
      padding={0}
    >
      {/* The first stop of the Tab key: past the header and navigation, straight to the screen. */}
      <a href="#main-content" className="atrium-skip-link">
        Skip to content
      </a>
      <MantineAppShell.Header bg="var(--atrium-surface-chrome)">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <UnstyledButton component={Link} to={toScreen("/customers")} aria-label="Atrium home">
              <AtriumLogo />
            </UnstyledButton>
          </Group>
          <HeaderActions />
        </Group>
      </MantineAppShell.Header>

      <MantineAppShell.Navbar bg="var(--atrium-surface-chrome)">
        <MainNav onNavigate={close} />
      </MantineAppShell.Navbar>

      <MantineAppShell.Main bg="var(--atrium-surface-page)" id="main-content" tabIndex={-1}>
        <Box px={{ base: "md", sm: "xl" }} py="xl" maw={1400}>
          <Outlet />
        </Box>
      </MantineAppShell.Main>
    </MantineAppShell>
  );
}
