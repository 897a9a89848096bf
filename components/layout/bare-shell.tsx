// A frame for the few screens outside any workspace (no workspace yet, a workspace that is not
// available): the logo and the account menu, with the content centred below.
import { AppShell, Box, Group } from "@mantine/core";
import type { ReactNode } from "react";
import { AtriumLogo } from "./atrium-logo";
import { ColorSchemeToggle } from "./color-scheme-toggle";
import { UserMenu } from "./user-menu";

export function BareShell({ children, signedIn = true }: { children: ReactNode; signedIn?: boolean }) {
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <AppShell.Header bg="var(--atrium-surface-chrome)">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <AtriumLogo />
          <Group gap="xs" wrap="nowrap">
            <ColorSchemeToggle />
            {/* Before /me has loaded there is no one to show a menu for. */}
            {signedIn ? <UserMenu /> : null}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main bg="var(--atrium-surface-page)">
        <Box px="md" py={64} maw={640} mx="auto">
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
