// /settings/workspace — the open workspace's name and identifier, and actions on all of its data.
import { IconBuilding } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function WorkspaceSettingsScreen() {
  return (
    <Page order={2} title="Workspace" description="The name and identifier of this workspace. Its data never mixes with any other workspace's.">
      <EmptyState
        icon={IconBuilding}
        title="No workspace open"
        description="Choose a workspace with the switcher at the top of the page to see and change its settings."
      />
    </Page>
  );
}
