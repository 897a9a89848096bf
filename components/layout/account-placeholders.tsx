// Stand-ins for the workspace switcher and the user menu until authentication lands. They are inert on
// purpose: no fake workspace or user, just the space those controls will take in the header.
import { Avatar, Group, Text, UnstyledButton } from "@mantine/core";
import { IconBuilding, IconSelector, IconUser } from "@tabler/icons-react";

export function WorkspaceSwitcherPlaceholder() {
  return (
    <UnstyledButton
      disabled
      aria-label="Workspace switcher (not available yet)"
      px="sm"
      h={36}
      style={{ border: "1px solid var(--mantine-color-default-border)", borderRadius: "var(--mantine-radius-md)", cursor: "default" }}
    >
      <Group gap={8} wrap="nowrap">
        <IconBuilding size={16} stroke={1.6} color="var(--mantine-color-dimmed)" />
        {/* On phones the header only has room for the icon. */}
        <Text size="sm" c="dimmed" visibleFrom="xs">
          Workspace
        </Text>
        <IconSelector size={14} stroke={1.6} color="var(--mantine-color-dimmed)" />
      </Group>
    </UnstyledButton>
  );
}

export function UserMenuPlaceholder() {
  return (
    <Avatar radius="xl" size={34} color="gray" aria-label="Account menu (not available yet)">
      <IconUser size={18} stroke={1.6} />
    </Avatar>
  );
}
