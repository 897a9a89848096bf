// The right-hand side of the header: the command palette, colour scheme, the workspace switcher and the
// account menu.
import { Divider, Group } from "@mantine/core";
import { CommandPaletteButton } from "@/components/palette/command-palette";
import { ColorSchemeToggle } from "./color-scheme-toggle";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function HeaderActions() {
  return (
    <Group gap="xs" wrap="nowrap">
      <CommandPaletteButton />
      <ColorSchemeToggle />
      <Divider orientation="vertical" my={6} mx={4} visibleFrom="xs" />
      <WorkspaceSwitcher />
      <UserMenu />
    </Group>
  );
}
