// A signed-in user who belongs to no workspace yet (new installation, or every membership removed):
// they can create one, or ask an admin to add them to an existing one.
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuildingPlus } from "@tabler/icons-react";
import { BareShell } from "@/components/layout/bare-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { usePageTitle } from "@/components/ui/use-page-title";
import { CreateWorkspaceModal } from "./create-workspace-modal";

export function NoWorkspaceScreen() {
  usePageTitle("Create a workspace · Atrium");
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <BareShell>
      <EmptyState
        icon={IconBuildingPlus}
        title="You are not in any workspace yet"
        description="Create a workspace for your customer data — you will be its admin — or ask an admin of an existing workspace to add you by your e-mail address."
        actions={
          <Button leftSection={<IconBuildingPlus size={16} />} onClick={open}>
            Create workspace
          </Button>
        }
      />
      <CreateWorkspaceModal opened={opened} onClose={close} />
    </BareShell>
  );
}
