// /settings/audit-log — who did what to which data.
import { IconClipboardList } from "@tabler/icons-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Page } from "@/components/ui/page";

export function AuditLogScreen() {
  return (
    <Page order={2} title="Audit log" description="Who did what to which data in this workspace, and when.">
      <EmptyState
        icon={IconClipboardList}
        title="No audit entries yet"
        description="Changes to customers, consents, settings, credentials and members are recorded here, by person or API client, and can be filtered by actor, action and time."
      />
    </Page>
  );
}
