// /settings/identity-rules — how records are linked into one customer. Admins edit the rules; everyone
// else sees them read-only.
import { Stack } from "@mantine/core";
import { AdminOnlyNotice } from "@/components/settings/admin-only-notice";
import { ErrorAlert } from "@/components/ui/error-alert";
import { CenteredLoader } from "@/components/ui/centered-loader";
import { Page } from "@/components/ui/page";
import { useCurrentWorkspace } from "@/lib/client/current-workspace";
import { usePermissions } from "@/lib/client/use-permissions";
import { IdentityRulesForm } from "./identity-rules-form";
import { useIdentityRules, useSaveIdentityRules } from "./use-identity-rules";

export function IdentityRulesScreen() {
  const { workspace } = useCurrentWorkspace();
  const { canAdmin, role } = usePermissions();
  const rules = useIdentityRules(workspace.id);
  const save = useSaveIdentityRules(workspace.id);

  return (
    <Page
      order={2}
      title="Identity rules"
      description="Which identities — external id, e-mail, phone and more — link incoming records to one customer, and what happens when they match."
    >
      <Stack gap="lg">
        {canAdmin ? null : <AdminOnlyNotice what="identity rules" role={role} />}
        {rules.isPending ? (
          <CenteredLoader />
        ) : rules.isError ? (
          <ErrorAlert
            title="The identity rules could not be loaded"
            error={rules.error}
            onRetry={rules.refetch}
            retrying={rules.isFetching}
          />
        ) : (
          // Keyed by the saved rules: a save (or another admin's, on refetch) starts the form afresh.
          <IdentityRulesForm key={JSON.stringify(rules.data)} rules={rules.data} readOnly={!canAdmin} save={save} />
        )}
      </Stack>
    </Page>
  );
}
