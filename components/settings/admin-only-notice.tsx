// What a settings section shows to members who are not admins: the section exists, but managing it is
// an admin's job (the API would refuse with 403 anyway). Names who to ask rather than just "forbidden".
import { Alert } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { Role } from "@/lib/schemas/members";
import { ROLE_LABEL } from "@/components/ui/role-badge";

export function AdminOnlyNotice({ what, role, children }: { what: string; role: Role | null; children?: ReactNode }) {
  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconLock size={18} />}
      title={`Only admins can manage ${what}`}
      data-testid="admin-only-notice"
    >
      {children ??
        `You are ${role ? `a ${ROLE_LABEL[role]}` : "not a member"} in this workspace. Ask one of its admins if something here needs to change.`}
    </Alert>
  );
}
