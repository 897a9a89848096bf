// The framed table the settings lists share (members, API clients, sources): header cells, a last
// column for row actions (named for screen readers), and a horizontal scroll below `minWidth` so a row
// never wraps into an unreadable column beside the settings navigation.
import { ActionIcon, Paper, Table, Tooltip, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";

export function SettingsTable({
  head,
  minWidth = 640,
  children,
}: {
  head: ReactNode;
  minWidth?: number;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" style={{ overflow: "hidden" }}>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {head}
              <Table.Th w={60}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** A destructive one-click row action: an icon with its tooltip, and an accessible name of its own. */
export function DangerRowAction({
  label,
  tooltip,
  icon,
  onClick,
}: {
  label: string;
  tooltip: string;
  icon: ReactNode;
  onClick: () => void;
}) {
  return (
    <Tooltip label={tooltip} withArrow>
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick}>
        {icon}
      </ActionIcon>
    </Tooltip>
  );
}
