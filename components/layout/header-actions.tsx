// The right-hand side of the header. Authentication replaces the two placeholders with
// <WorkspaceSwitcher /> and <UserMenu />; nothing else in the shell needs to change.
import { Divider, Group } from "@mantine/core";
import { UserMenuPlaceholder, WorkspaceSwitcherPlaceholder } from "./account-placeholders";
import { ColorSchemeToggle } from "./color-scheme-toggle";

export function HeaderActions() {
  return (
    <Group gap="xs" wrap="nowrap">
      <ColorSchemeToggle />
      <Divider orientation="vertical" my={6} mx={4} visibleFrom="xs" />
      {/* slot: <WorkspaceSwitcher /> */}
      <WorkspaceSwitcherPlaceholder />
      {/* slot: <UserMenu /> */}
      <UserMenuPlaceholder />
    </Group>
  );
}
