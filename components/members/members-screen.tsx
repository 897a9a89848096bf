// /settings/members — people in the workspace, their roles and who may read the consent history.
import { Button } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconUserPlus } from "@tabler/icons-react";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import { AddMemberModal } from "./add-member-modal";
import { MembersTable } from "./members-table";
import { useMembers } from "./use-members";

export function MembersScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  const members = useMembers(workspace.id, canAdmin);
  const [adding, { open, close }] = useDisclosure(false);

  return (
    <Page
      order={2}
      title="Members"
      description="People who can work in this workspace and their role — Admin, User or Guest — plus who may read the consent history."
      actions={
        canAdmin ? (
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            Add member
          </Button>
        ) : null
      }
    >
      {!canAdmin ? (
        <AdminOnlyNotice what="members" role={role} />
      ) : members.isPending ? (
        <CenteredLoader />
      ) : members.isError ? (
        <ErrorAlert
          title="The members could not be loaded"
          error={members.error}
          onRetry={members.refetch}
          retrying={members.isFetching}
        />
      ) : (
        <MembersTable members={members.data} />
      )}
      {canAdmin ? <AddMemberModal opened={adding} onClose={close} /> : null}
    </Page>
  );
}
