// /settings/members — people in the workspace and their roles.
import { IconUsersGroup } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function MembersScreen() {
  return (
    <Page
      order={2}
      title="Members"
      description="People who can work in this workspace and their role — Admin, User or Guest — plus who may read the consent history."
    >
      <EmptyState
        icon={IconUsersGroup}
        title="No members to show"
        description="Members of the open workspace are listed here. Admins add people by e-mail address and choose their role."
      />
    </Page>
  );
}
