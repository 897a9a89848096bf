// The open workspace in the header, and the list of the user's other workspaces (with their role in
// each) to switch to. Switching keeps the section: Customers stays Customers, Members stays Members.
import { Group, Menu, ScrollArea, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuilding, IconPlus, IconSelector } from "@tabler/icons-react";
import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { RoleBadge } from "@/components/ui/role-badge";
import { CreateWorkspaceModal } from "@/components/workspaces/create-workspace-modal";
import { useOptionalCurrentWorkspace } from "@/lib/client/current-workspace";
import { useSignedIn } from "@/lib/client/use-me";
import { switchWorkspacePath } from "@/lib/client/workspace-paths";

/** Past this many workspaces the list gets a search box. */
const SEARCH_FROM = 7;

export function WorkspaceSwitcher() {
  const { memberships } = useSignedIn();
  const current = useOptionalCurrentWorkspace();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [search, setSearch] = useState("");
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const needle = search.trim().toLocaleLowerCase();
  const shown = needle ? memberships.filter((m) => m.workspace.name.toLocaleLowerCase().includes(needle)) : memberships;
  const currentName = current?.workspace.name ?? "Choose a workspace";

  const open = (workspaceId: string) => {
    const target = memberships.find((m) => m.workspace.id === workspaceId);
    if (target && target.workspace.id !== current?.workspace.id)
      navigate(switchWorkspacePath(pathname, target.workspace.slug));
  };

  return (
    <>
      <Menu position="bottom-end" width={300} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={`Workspace: ${currentName}. Switch workspace`}
            px="sm"
            h={36}
            maw={{ base: 64, xs: 280 }}
            style={{
              border: "1px solid var(--mantine-color-default-border)",
              borderRadius: "var(--mantine-radius-md)",
            }}
          >
            <Group gap={8} wrap="nowrap">
              <IconBuilding size={16} stroke={1.6} style={{ flexShrink: 0 }} />
              {/* On phones the header only has room for the icon; the menu still names the workspace. */}
              <Text size="sm" fw={500} truncate="end" visibleFrom="xs" data-testid="current-workspace">
                {currentName}
              </Text>
              <IconSelector size={14} stroke={1.6} color="var(--mantine-color-dimmed)" style={{ flexShrink: 0 }} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          {memberships.length >= SEARCH_FROM ? (
            <Menu.Search
              placeholder="Find a workspace"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
          ) : null}
          <Menu.Label>Your workspaces</Menu.Label>
          <ScrollArea.Autosize mah={320} type="auto">
            <Menu.RadioGroup value={current?.workspace.id ?? null} onChange={open}>
              {shown.map((m) => (
                <Menu.RadioItem
                  key={m.workspace.id}
                  value={m.workspace.id}
                  closeMenuOnClick
                  rightSection={<RoleBadge role={m.role} size="xs" />}
                >
                  <Text size="sm" truncate="end" maw={180}>
                    {m.workspace.name}
                  </Text>
                </Menu.RadioItem>
              ))}
            </Menu.RadioGroup>
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed" px="sm" py={6}>
                No workspace matches “{search.trim()}”
              </Text>
            ) : null}
          </ScrollArea.Autosize>
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} stroke={1.6} />} onClick={openCreate}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceModal opened={creating} onClose={closeCreate} />
    </>
  );
}
